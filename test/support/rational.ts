/**
 * Exact rational arithmetic on BigInt, for computing expected values independently of decimal.js.
 * Numbers enter through their shortest decimal form (what Excel shows and what calc reads).
 */
export class Q {
  constructor(readonly n: bigint, readonly d: bigint = 1n) {
    if (d === 0n) throw new Error("division by zero");
    if (d < 0n) {
      this.n = -n;
      this.d = -d;
    }
  }

  static of(x: number | string | bigint): Q {
    if (typeof x === "bigint") return new Q(x);
    const s = typeof x === "number" ? String(x) : x;
    const m = /^(-?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(s);
    if (!m) throw new Error(`not a decimal: ${s}`);
    const frac = m[3] ?? "";
    let n = BigInt(m[2] + frac);
    let d = 10n ** BigInt(frac.length);
    const e = Number(m[4] ?? 0);
    if (e >= 0) n *= 10n ** BigInt(e);
    else d *= 10n ** BigInt(-e);
    return new Q(m[1] === "-" ? -n : n, d);
  }

  add(o: Q | number): Q {
    const q = o instanceof Q ? o : Q.of(o);
    return new Q(this.n * q.d + q.n * this.d, this.d * q.d);
  }
  sub(o: Q | number): Q {
    const q = o instanceof Q ? o : Q.of(o);
    return this.add(new Q(-q.n, q.d));
  }
  mul(o: Q | number): Q {
    const q = o instanceof Q ? o : Q.of(o);
    return new Q(this.n * q.n, this.d * q.d);
  }
  div(o: Q | number): Q {
    const q = o instanceof Q ? o : Q.of(o);
    return new Q(this.n * q.d, this.d * q.n);
  }

  /** The nearest double, via a 25-significant-digit decimal string. */
  toNumber(): number {
    if (this.n === 0n) return 0;
    const neg = this.n < 0n;
    const n = neg ? -this.n : this.n;
    const digits = 25n;
    // scale so the integer quotient has at least 25 digits
    let shift = 0n;
    let q = n / this.d;
    while (q.toString().length < Number(digits)) {
      shift += 5n;
      q = (n * 10n ** shift) / this.d;
    }
    const s = `${neg ? "-" : ""}${q.toString()}e-${shift.toString()}`;
    return Number(s);
  }
}

/** Deterministic pseudo-random numbers (mulberry32) so that "varied inputs" are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value between lo and hi, spread log-uniformly when both are positive. */
export function between(rand: () => number, lo: number, hi: number, log = true): number {
  const u = rand();
  const x = log && lo > 0 ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))) : lo + u * (hi - lo);
  return Number(x.toPrecision(12)); // inputs as a user would type them
}

export function relErr(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b);
}

/**
 * Exact binary arithmetic for checking error-free transformations and error bounds with no
 * rounding at all: a double's exact value m × 2^q (BigInt m), and sums and products of such
 * values, which stay of that form. (test/support/rational.ts's Q reads a number through its
 * shortest decimal, as the calc module does; this reads its bits.)
 */
export class Dyadic {
  constructor(
    readonly m: bigint,
    readonly q: number,
  ) {}

  /** The exact value of a finite double. */
  static of(x: number): Dyadic {
    f64[0] = x;
    const b = u64[0];
    const e = Number((b >> 52n) & 0x7ffn);
    let m = b & ((1n << 52n) - 1n);
    if (e !== 0) m |= 1n << 52n;
    return new Dyadic(b >> 63n ? -m : m, (e === 0 ? 1 : e) - 1075);
  }

  add(o: Dyadic): Dyadic {
    if (this.q <= o.q) return new Dyadic(this.m + (o.m << BigInt(o.q - this.q)), this.q);
    return new Dyadic((this.m << BigInt(this.q - o.q)) + o.m, o.q);
  }
  sub(o: Dyadic): Dyadic {
    return this.add(new Dyadic(-o.m, o.q));
  }
  mul(o: Dyadic): Dyadic {
    return new Dyadic(this.m * o.m, this.q + o.q);
  }
  abs(): Dyadic {
    return this.m < 0n ? new Dyadic(-this.m, this.q) : this;
  }
  isZero(): boolean {
    return this.m === 0n;
  }
  /** this ≤ o */
  le(o: Dyadic): boolean {
    return this.sub(o).m <= 0n;
  }
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** Shorthand: the exact value of a double. */
export const exact = (x: number) => Dyadic.of(x);

/**
 * The one writer of MINER_Market. Every refresh ends here, whatever asked for it (the pane's
 * Refresh, the auto-refresh, the ribbon's Refresh, a live cell's own schedule) and so do Insert
 * into workbook and Insert model: writes run one at a time, so two refreshes that overlap never
 * interleave their cells (an Excel.run syncs several times, and another run's writes could land
 * between them). A write asked for while one is under way waits; several waiting are coalesced
 * into one, of the newest snapshot (a sheet is never written back to an older one), creating the
 * sheet if any of them asked to.
 */
import { MarketSnapshot } from "../market/fields";

/** Writes one snapshot (creating the sheet when `create`), as workbook.ts writeMarketSheet does. */
export type WriteFn<R> = (snapshot: MarketSnapshot, create: boolean) => Promise<R>;

interface Job<R> {
  snapshot: MarketSnapshot;
  create: boolean;
  done: Promise<R>;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

function job<R>(snapshot: MarketSnapshot, create: boolean): Job<R> {
  let resolve!: (r: R) => void;
  let reject!: (e: unknown) => void;
  const done = new Promise<R>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { snapshot, create, done, resolve, reject };
}

export class MarketWriter<R> {
  private running: Job<R> | undefined;
  private waiting: Job<R> | undefined;
  private written: { snapshot: MarketSnapshot; create: boolean; done: Promise<R> } | undefined;

  constructor(private readonly write: WriteFn<R>) {}

  /** Whether a write is under way. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /**
   * Writes `snapshot` once the writes before it are done, and answers with the report of the write
   * that carried it (or a newer snapshot in its place). The same snapshot asked for again (a
   * refresh's caller and the service's listener both ask) is written once.
   */
  submit(snapshot: MarketSnapshot, create = false): Promise<R> {
    for (const j of [this.waiting, this.running, this.written])
      if (j && j.snapshot === snapshot && (j.create || !create)) return j.done;
    const w = this.waiting;
    if (w) {
      if (snapshot.refreshedAt >= w.snapshot.refreshedAt) w.snapshot = snapshot;
      w.create ||= create;
      return w.done;
    }
    this.waiting = job<R>(snapshot, create);
    const done = this.waiting.done;
    this.next();
    return done;
  }

  private next(): void {
    if (this.running || !this.waiting) return;
    const j = this.waiting;
    this.waiting = undefined;
    this.running = j;
    // A snapshot older than the one last written is not written over it (a newer refresh finished first).
    const older = this.written && j.snapshot.refreshedAt < this.written.snapshot.refreshedAt && !j.create;
    const run = older ? this.written!.done : this.write(j.snapshot, j.create);
    const finish = (ok: boolean) => {
      if (ok && !older) this.written = { snapshot: j.snapshot, create: j.create, done: j.done };
      this.running = undefined;
      this.next();
    };
    run.then(
      (r) => (finish(true), j.resolve(r)),
      (e: unknown) => (finish(false), j.reject(e)),
    );
  }
}

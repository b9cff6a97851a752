/**
 * Back-off remembered per provider for as long as the runtime lives: a provider that answered
 * 429 (too many requests) or 503 (unavailable) is not asked again until the time it asked for, or
 * a default when it did not say in a way the pane can read. A browser hides a cross-origin
 * Retry-After unless the provider exposes the header (Access-Control-Expose-Headers), so the
 * default is the common case, not the exception. Without this memory every refresh (one a minute
 * with auto-refresh) would ask again a provider that asked for an hour.
 *
 * Keyed by the provider's base URL, so a user's own mempool instance has its own memory.
 */
import { HttpRefusal } from "./http";

/** The statuses that ask a client to come back later. */
export const BACKOFF_STATUSES: readonly number[] = [429, 503];
/** The first back-off when the answer gave no readable Retry-After: 5 minutes. */
export const DEFAULT_BACKOFF_MS = 5 * 60_000;
/** Each further refusal in a row doubles the default, up to this, and no Retry-After is held longer: 1 hour. */
export const MAX_BACKOFF_MS = 60 * 60_000;

interface Entry {
  /** Not asked before this time (ms since the epoch, the service's clock). */
  until: number;
  /** Refusals in a row without a good answer between them. */
  strikes: number;
  status: number;
}

export class BackoffMemory {
  private readonly entries = new Map<string, Entry>();

  /** When the provider at `base` may be asked again, with the status that put it off; undefined when it may be asked now. */
  waiting(base: string, now: number): { until: number; status: number } | undefined {
    const e = this.entries.get(base);
    return e && e.until > now ? { until: e.until, status: e.status } : undefined;
  }

  /**
   * Remembers a refusal. A readable Retry-After is kept (up to MAX_BACKOFF_MS); without one the
   * back-off is DEFAULT_BACKOFF_MS, doubling with each refusal in a row. Other statuses are not
   * remembered. Returns how long the provider is put off, ms (0: not put off).
   */
  refused(base: string, refusal: HttpRefusal, now: number): number {
    if (!BACKOFF_STATUSES.includes(refusal.status)) return 0;
    const strikes = (this.entries.get(base)?.strikes ?? 0) + 1;
    const wait = Math.min(MAX_BACKOFF_MS, refusal.retryAfterMs ?? DEFAULT_BACKOFF_MS * 2 ** Math.min(strikes - 1, 10));
    this.entries.set(base, { until: now + wait, strikes, status: refusal.status });
    return wait;
  }

  /** A good answer: the provider starts again with a clean slate. */
  answered(base: string): void {
    this.entries.delete(base);
  }
}

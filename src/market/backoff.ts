/**
 * Back-off remembered for as long as the runtime lives: a provider that answered 429 (too many
 * requests) is not asked again, for anything, until the time it asked for; an endpoint that
 * answered 503 (unavailable) likewise, alone (its provider's other endpoints may be fine). When
 * the answer did not say how long in a way the pane can read, a stated default applies: a browser
 * hides a cross-origin Retry-After unless the provider exposes the header
 * (Access-Control-Expose-Headers), so the default is the common case, not the exception. Without
 * this memory every refresh (one a minute with auto-refresh) would ask again a provider that asked
 * for an hour.
 *
 * Keyed by the provider's base URL (and the endpoint's path for a 503), so a user's own mempool
 * instance has its own memory.
 */
import { HttpRefusal } from "./http";

/** A rate limit is the provider's, for every endpoint: it puts off the whole provider. */
export const PROVIDER_WIDE_STATUS = 429;
/** Unavailable puts off the endpoint that said it. */
export const ENDPOINT_STATUS = 503;
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

  /** When the endpoint `path` of the provider at `base` may be asked again, and why; undefined when it may be asked now. */
  waiting(base: string, path: string, now: number): { until: number; status: number } | undefined {
    const found = [this.entries.get(base), this.entries.get(`${base} ${path}`)].filter(
      (e): e is Entry => e !== undefined && e.until > now,
    );
    if (found.length === 0) return undefined;
    const e = found.reduce((a, b) => (a.until >= b.until ? a : b));
    return { until: e.until, status: e.status };
  }

  /**
   * Remembers a refusal. A readable Retry-After is kept (up to MAX_BACKOFF_MS); without one the
   * back-off is DEFAULT_BACKOFF_MS, doubling with each refusal in a row (a refusal after the
   * last back-off ended). Statuses other than 429
   * and 503 are not remembered. Returns how long the provider (or endpoint) is put off, ms.
   */
  refused(base: string, path: string, refusal: HttpRefusal, now: number): number {
    const key =
      refusal.status === PROVIDER_WIDE_STATUS ? base : refusal.status === ENDPOINT_STATUS ? `${base} ${path}` : "";
    if (!key) return 0;
    // Refusals while the provider is already put off (requests sent together) count as one.
    const prev = this.entries.get(key);
    const active = prev !== undefined && prev.until > now;
    const strikes = active ? prev.strikes : (prev?.strikes ?? 0) + 1;
    const wait = Math.min(MAX_BACKOFF_MS, refusal.retryAfterMs ?? DEFAULT_BACKOFF_MS * 2 ** Math.min(strikes - 1, 10));
    const until = Math.max(active ? prev.until : 0, now + wait);
    this.entries.set(key, { until, strikes, status: refusal.status });
    return until - now;
  }

  /** A good answer: the provider and the endpoint start again with a clean slate. */
  answered(base: string, path: string): void {
    this.entries.delete(base);
    this.entries.delete(`${base} ${path}`);
  }
}

/**
 * Fetching one public endpoint: a timeout that aborts, retries with backoff on 429 and 5xx
 * (honouring Retry-After up to a cap), and errors that say what happened in words a CFO can act
 * on. Anything else (a 4xx, a network or CORS failure, a timeout) fails at once so the caller can
 * move to the next provider.
 */

export interface HttpPolicy {
  /** Abort a request after this long, ms. */
  timeoutMs: number;
  /** Extra attempts after a 429 or 5xx. */
  retries: number;
  /** First backoff, ms; doubles each retry. */
  backoffMs: number;
  /** A Retry-After longer than this gives up on the provider instead of waiting, ms. */
  maxRetryAfterMs: number;
}

export const DEFAULT_POLICY: HttpPolicy = { timeoutMs: 8000, retries: 2, backoffMs: 500, maxRetryAfterMs: 5000 };

export type FetchFn = (
  url: string,
  init: { signal: AbortSignal; headers?: Record<string, string> },
) => Promise<{
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

/** Why a request failed; `message` is shown to the user. */
export class FetchFailure extends Error {
  constructor(
    readonly kind: "timeout" | "network" | "http" | "rate-limited" | "invalid",
    message: string,
  ) {
    super(message);
    this.name = "FetchFailure";
  }
}

export interface HttpDeps {
  fetch: FetchFn;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

/** Retry-After as ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** GETs `url` and returns its body text, or throws a FetchFailure. */
export async function getText(url: string, policy: HttpPolicy, deps: HttpDeps): Promise<string> {
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  for (let attempt = 0; ; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
    let response: Awaited<ReturnType<FetchFn>>;
    let body: string;
    try {
      response = await deps.fetch(url, {
        signal: controller.signal,
        headers: { Accept: "application/json, text/plain" },
      });
      body = await response.text();
    } catch {
      if (controller.signal.aborted) {
        throw new FetchFailure("timeout", `${host} did not answer within ${policy.timeoutMs / 1000} s`);
      }
      throw new FetchFailure("network", `${host} could not be reached (offline, blocked, or no CORS permission)`);
    } finally {
      clearTimeout(timer);
    }
    if (response.ok) return body;

    const retryable = response.status === 429 || response.status >= 500;
    if (!retryable || attempt >= policy.retries) {
      if (response.status === 429)
        throw new FetchFailure("rate-limited", `${host} is rate-limiting requests (HTTP 429)`);
      throw new FetchFailure("http", `${host} answered HTTP ${response.status}`);
    }
    const asked = retryAfterMs(response.headers.get("Retry-After"), deps.now());
    if (asked !== undefined && asked > policy.maxRetryAfterMs) {
      throw new FetchFailure(
        "rate-limited",
        `${host} asked to wait ${Math.round(asked / 1000)} s before retrying (HTTP ${response.status})`,
      );
    }
    await deps.sleep(asked ?? policy.backoffMs * 2 ** attempt);
  }
}

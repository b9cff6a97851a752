/**
 * Fetching one public endpoint: a time budget that aborts, retries with backoff on 5xx and on a
 * 429 that says when (honouring Retry-After up to a cap), and errors that say what happened in
 * words a CFO can act on. Anything else (a 4xx, a network or CORS failure, a timeout, a redirect to another host, a
 * body too large) fails at once so the caller can move to the next provider.
 *
 * Bounded work: one endpoint gets `timeoutMs` in all, retries and waits included, and never more
 * than the refresh's own deadline; error bodies are never read; a body is read only up to
 * `maxBodyBytes`, so a hostile 50 MB answer costs one chunk, not the pane's thread.
 */

export interface HttpPolicy {
  /** One endpoint's whole budget, attempts and waits included, ms. */
  timeoutMs: number;
  /** Extra attempts after a 429 or 5xx. */
  retries: number;
  /** First backoff, ms; doubles each retry. */
  backoffMs: number;
  /** A Retry-After longer than this gives up on the provider instead of waiting, ms. */
  maxRetryAfterMs: number;
  /** Bodies longer than this are refused unread beyond it, bytes. */
  maxBodyBytes?: number;
}

/** Every endpoint we read answers a few KB; 1 MiB leaves room for years of growth. */
export const MAX_BODY_BYTES = 1 << 20;

export const DEFAULT_POLICY: HttpPolicy = {
  timeoutMs: 8000,
  retries: 2,
  backoffMs: 500,
  maxRetryAfterMs: 5000,
  maxBodyBytes: MAX_BODY_BYTES,
};

/** The part of a fetch Response this module uses (Node's and the browser's both fit). */
export interface FetchResponse {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  /** The URL after redirects, when the fetch followed any. */
  url?: string;
  redirected?: boolean;
  body?: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } } | null;
  text(): Promise<string>;
}

export type FetchFn = (
  url: string,
  init: { signal: AbortSignal; headers?: Record<string, string> },
) => Promise<FetchResponse>;

/** Longest message a FetchFailure carries: it is shown in the banner and in cells' #N/A text. */
export const MAX_MESSAGE = 300;

/** What an HTTP answer that failed said about waiting: its status, and its Retry-After when readable. */
export interface HttpRefusal {
  status: number;
  /** Retry-After in ms; undefined when absent or unreadable (a cross-origin header not exposed). */
  retryAfterMs?: number;
}

/** Why a request failed; `message` is shown to the user, and is never longer than MAX_MESSAGE. */
export class FetchFailure extends Error {
  constructor(
    readonly kind: "timeout" | "network" | "http" | "rate-limited" | "invalid",
    message: string,
    /** For a failed HTTP answer: its status and Retry-After, so the caller can remember a back-off. */
    readonly refusal?: HttpRefusal,
  ) {
    super(message.length > MAX_MESSAGE ? message.slice(0, MAX_MESSAGE) + "…" : message);
    this.name = "FetchFailure";
  }
}

export interface HttpDeps {
  fetch: FetchFn;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

/** Limits one call of getText inherits from its refresh. */
export interface CallLimits {
  /** Aborted when the refresh's deadline passes. */
  signal?: AbortSignal;
  /** The refresh's deadline (deps.now() time, ms). */
  deadline?: number;
}

/** Retry-After as ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d{1,9}$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed.slice(0, 64));
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 60);
  }
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Waits `ms`, or less if `signal` aborts first. */
function pause(ms: number, deps: HttpDeps, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve();
    };
    signal.addEventListener("abort", done);
    deps.sleep(ms).then(done, done);
  });
}

/** The body as text, reading at most `max` bytes; beyond that the stream is cancelled and the answer refused. */
export async function readCapped(response: FetchResponse, max: number, host: string): Promise<string> {
  const tooLarge = () => new FetchFailure("invalid", `${host} sent more than ${Math.round(max / 1024)} KB: refused`);
  const declared = Number(response.headers.get("Content-Length"));
  if (Number.isFinite(declared) && declared > max) {
    await discard(response);
    throw tooLarge();
  }
  const stream = response.body;
  if (!stream || typeof stream.getReader !== "function") {
    const text = await response.text(); // a stand-in fetch without streams
    if (text.length > max) throw tooLarge();
    return text;
  }
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!value) continue;
    size += value.byteLength;
    if (size > max) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** Lets go of a body we will not read (an error page), without downloading it. */
async function discard(response: FetchResponse): Promise<void> {
  try {
    await response.body?.getReader().cancel();
  } catch {
    // already closed or locked: nothing to free
  }
}

/** GETs `url` and returns its body text, or throws a FetchFailure. */
export async function getText(
  url: string,
  policy: HttpPolicy,
  deps: HttpDeps,
  limits: CallLimits = {},
): Promise<string> {
  const host = hostOf(url);
  const started = deps.now();
  const own = started + policy.timeoutMs;
  const deadline = limits.deadline === undefined ? own : Math.min(own, limits.deadline);
  const refreshEnds = () => limits.deadline !== undefined && limits.deadline <= own;
  const outOfTime = () =>
    refreshEnds()
      ? new FetchFailure("timeout", `${host} did not answer before the refresh's time limit`)
      : new FetchFailure("timeout", `${host} did not answer within ${policy.timeoutMs / 1000} s`);
  const maxBody = policy.maxBodyBytes ?? MAX_BODY_BYTES;

  for (let attempt = 0; ; attempt++) {
    const left = deadline - deps.now();
    if (left <= 0 || limits.signal?.aborted) throw outOfTime();
    const controller = new AbortController();
    const onOuterAbort = () => controller.abort();
    limits.signal?.addEventListener("abort", onOuterAbort);
    const timer = setTimeout(() => controller.abort(), left);
    let response: FetchResponse;
    let body = "";
    try {
      try {
        response = await deps.fetch(url, {
          signal: controller.signal,
          headers: { Accept: "application/json, text/plain" },
        });
      } catch {
        if (controller.signal.aborted) throw outOfTime();
        throw new FetchFailure("network", `${host} could not be reached (offline, blocked, or no CORS permission)`);
      }
      const landed = response.url ? originOf(response.url) : undefined;
      if (landed && landed !== originOf(url)) {
        await discard(response);
        throw new FetchFailure(
          "invalid",
          `${host} redirected to ${hostOf(response.url!)}: refused (data must come from the host it is labelled with)`,
        );
      }
      if (response.ok) {
        try {
          body = await readCapped(response, maxBody, host);
        } catch (e) {
          if (e instanceof FetchFailure) throw e;
          if (controller.signal.aborted) throw outOfTime();
          throw new FetchFailure("network", `${host} broke off its answer`);
        }
      } else await discard(response);
    } finally {
      clearTimeout(timer);
      limits.signal?.removeEventListener("abort", onOuterAbort);
    }
    if (response.ok) return body;

    const retryable = response.status === 429 || response.status >= 500;
    const asked = retryAfterMs(response.headers.get("Retry-After"), deps.now());
    const refusal: HttpRefusal = { status: response.status, retryAfterMs: asked };
    // A 429 that does not say how long to wait is not retried at once: the caller backs off (backoff.ts).
    const unsaid429 = response.status === 429 && asked === undefined;
    if (!retryable || attempt >= policy.retries || unsaid429) {
      if (response.status === 429)
        throw new FetchFailure("rate-limited", `${host} is rate-limiting requests (HTTP 429)`, refusal);
      throw new FetchFailure("http", `${host} answered HTTP ${response.status}`, refusal);
    }
    if (asked !== undefined && asked > policy.maxRetryAfterMs) {
      throw new FetchFailure(
        "rate-limited",
        `${host} asked to wait ${Math.round(asked / 1000)} s before retrying (HTTP ${response.status})`,
        refusal,
      );
    }
    const wait = asked ?? policy.backoffMs * 2 ** attempt;
    if (deps.now() + wait >= deadline) {
      throw new FetchFailure(
        response.status === 429 ? "rate-limited" : "http",
        `${host} answered HTTP ${response.status}, and a retry would not fit in the time left`,
        refusal,
      );
    }
    await pause(wait, deps, limits.signal ?? controller.signal);
  }
}

/**
 * One group of fields (the price, the difficulty, the height, ...) for one refresh: its providers
 * asked in order, hedged, and its reading confirmed when it must be (agreement.ts).
 *
 * Hedged: the first provider is asked; when it has not answered within HEDGE_DELAY_MS, or has
 * failed, the next is asked too, in parallel, and so on; the first valid answer wins, and the
 * requests still open are then cancelled. So two silent providers cost ~4 s, not two timeouts,
 * and the refresh's deadline still leaves time for the third. A provider that asked to be left
 * alone (backoff.ts) is not asked; the banner says so, and names only the providers really asked.
 *
 * Confirmed: when the reading needs a second provider (a first reading, one due by the schedule,
 * or one that moved beyond its threshold), the next providers are asked until two agree within
 * the field's tolerance. When they cannot agree, nothing is written: the last confirmed reading
 * stays, marked stale, and the banner names the sources and what each said.
 */
import { clip } from "./check";
import { Currency, MarketSnapshot, FieldId } from "./fields";
import { CallLimits, FetchFailure, getText, HttpDeps, HttpPolicy } from "./http";
import { Guard } from "./guards";
import { Endpoint, Reading } from "./providers/types";
import { BackoffMemory } from "./backoff";
import { Confirmed, confirmationDue } from "./agreement";

/** After this long without a valid answer, the next provider is asked as well, ms. */
export const HEDGE_DELAY_MS = 2_000;

export interface Group {
  what: string;
  /** Asked in this order (hedged); later ones also confirm a reading that needs it. */
  endpoints: Endpoint[];
  /** The fields this group gives (and prices, for the price group). */
  yields: FieldId[];
  guard?: Guard;
  /**
   * For a group no second provider can confirm: why a reading is not used, checked against the
   * last good values (whatever it says, its last good values then stay, stale), or undefined.
   */
  screen?(r: Reading, reference: MarketSnapshot | undefined, now: number): string | undefined;
}

export type GroupResult =
  | {
      reading: Reading;
      /** "A", or "A, confirmed by B". */
      source: string;
      /** A alone: the provider whose reading is written (its other currencies were not confirmed by B unless B quoted them). */
      from: string;
      asOf: number;
      problems: string[];
      /** Two providers agreed on it: it becomes the group's last confirmed reading. */
      confirmed: boolean;
      /** The confirming provider's reading, when confirmed. */
      witness?: Reading;
      /** The source of each price in a currency other than USD, when not `source` (the service's currency screen). */
      priceSources?: Partial<Record<Currency, string>>;
    }
  | {
      problems: string[];
      /** The last confirmed reading, kept (stale) because this refresh's readings could not be confirmed. */
      kept?: Confirmed;
    };

/** What the group needs from the service. */
export interface GroupContext {
  deps: HttpDeps;
  policy: HttpPolicy;
  hedgeMs: number;
  /** The refresh's own limit, s, for messages. */
  deadlineS: number;
  limits: CallLimits;
  url(e: Endpoint): string;
  /** "mempool.space /api/v1/prices", or the host of a user's own instance. */
  label(e: Endpoint): string;
  /** The provider's base URL, which its back-off is kept under (with the endpoint's path). */
  base(e: Endpoint): string;
  backoff: BackoffMemory;
  confirmed: Confirmed | undefined;
  /** The last published snapshot, for the checks against the last good values. */
  reference: MarketSnapshot | undefined;
  /** This refresh's number, counted from the runtime's start. */
  refresh: number;
  /** Counters the service keeps for tests and the benchmark. */
  count: { requests: number; inFlight: number };
}

type Outcome = { index: number; reading: Reading } | { index: number; error: unknown };

interface Candidate {
  /** The endpoint's place in the group's order. */
  index: number;
  reading: Reading;
  source: string;
  /** Why it needs a second provider. */
  why: string;
  /** Only the schedule asked (see agreement.ts Due). */
  scheduled: boolean;
}

const utcMinute = (ms: number) => new Date(ms).toISOString().slice(11, 16) + " UTC";

export async function fetchGroup(group: Group, ctx: GroupContext): Promise<GroupResult> {
  const deps = ctx.deps;
  const guard = group.guard;
  const now = () => deps.now();
  const due = guard ? confirmationDue(ctx.confirmed, ctx.refresh) : undefined;
  const problems: string[] = [];
  const candidates: Candidate[] = [];
  const open = new Map<number, { controller: AbortController; started: number }>();
  const outcomes: Outcome[] = [];
  let wake: (() => void) | undefined;
  let next = 0;
  let lastStart = now();
  let outOfTime = false;

  /** Asks the next provider not backing off; false when none is left (or no time). */
  const askNext = (): boolean => {
    while (next < group.endpoints.length) {
      const index = next++;
      const endpoint = group.endpoints[index];
      const waiting = ctx.backoff.waiting(ctx.base(endpoint), endpoint.path, now());
      if (waiting) {
        problems.push(
          `${ctx.label(endpoint)} not asked until ${utcMinute(waiting.until)}: it answered HTTP ${waiting.status} earlier`,
        );
        continue;
      }
      if (ctx.limits.signal?.aborted || (ctx.limits.deadline !== undefined && now() >= ctx.limits.deadline)) {
        outOfTime = true;
        return false;
      }
      const controller = new AbortController();
      const outer = ctx.limits.signal;
      const cancel = () => controller.abort();
      outer?.addEventListener("abort", cancel);
      ctx.count.requests++;
      ctx.count.inFlight++;
      open.set(index, { controller, started: now() });
      lastStart = now();
      getText(ctx.url(endpoint), ctx.policy, deps, { signal: controller.signal, deadline: ctx.limits.deadline })
        .then((body) => {
          ctx.backoff.answered(ctx.base(endpoint), endpoint.path);
          return endpoint.parse(body);
        })
        .then(
          (reading): Outcome => ({ index, reading }),
          (error: unknown): Outcome => ({ index, error }),
        )
        .then((o) => {
          ctx.count.inFlight--;
          outer?.removeEventListener("abort", cancel);
          outcomes.push(o);
          wake?.();
        });
      return true;
    }
    return false;
  };

  /** The next outcome, or undefined when the hedge delay passed first. */
  const nextOutcome = (): Promise<Outcome | undefined> => {
    if (outcomes.length) return Promise.resolve(outcomes.shift());
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      wake = () => {
        wake = undefined;
        clearTimeout(timer);
        resolve(outcomes.shift());
      };
      if (next < group.endpoints.length && !ctx.limits.signal?.aborted)
        timer = setTimeout(
          () => {
            wake = undefined;
            resolve(undefined);
          },
          Math.max(0, lastStart + ctx.hedgeMs - now()),
        );
    });
  };

  /** Cancels what is still open; says which providers had not answered when `winner` did. */
  const closeOpen = (winnerStarted?: number) => {
    for (const [index, o] of open) {
      if (winnerStarted !== undefined && o.started <= winnerStarted)
        problems.push(
          `${ctx.label(group.endpoints[index])} had not answered after ${((now() - o.started) / 1000).toFixed(1)} s`,
        );
      o.controller.abort();
    }
    open.clear();
  };

  const accept = (reading: Reading, from: string, witness?: { reading: Reading; source: string }, note?: string) => {
    const source = witness ? `${from}, confirmed by ${witness.source}` : from;
    const lines = note ? [note] : [];
    if (problems.length) lines.push(problems.join("; "));
    const line = lines.length ? [`${group.what} from ${source} because ${lines.join("; ")}`] : [];
    return { reading, source, from, asOf: now(), problems: line, confirmed: !!witness, witness: witness?.reading };
  };

  askNext();
  if (due) askNext(); // a confirmation is needed whatever the reading says: ask the second provider at once

  for (;;) {
    if (open.size === 0 && !askNext()) break;
    const outcome = await nextOutcome();
    if (!outcome) {
      askNext(); // hedge: the open ones are slow
      continue;
    }
    const started = open.get(outcome.index)?.started ?? now();
    open.delete(outcome.index);
    const endpoint = group.endpoints[outcome.index];
    const source = ctx.label(endpoint);
    if ("error" in outcome) {
      const e = outcome.error;
      if (e instanceof FetchFailure && e.refusal) {
        const wait = ctx.backoff.refused(ctx.base(endpoint), endpoint.path, e.refusal, now());
        problems.push(wait > 0 ? `${e.message} (not asked again before ${utcMinute(now() + wait)})` : e.message);
      } else problems.push(e instanceof FetchFailure ? e.message : `${source}: ${clip(String(e), 200)}`);
      if (open.size === 0) askNext();
      continue;
    }
    const reading = outcome.reading;
    const refused = guard?.refuse?.(reading, now());
    if (refused) {
      problems.push(`${source} refused: ${refused}`);
      if (open.size === 0) askNext();
      continue;
    }
    const screened = group.screen?.(reading, ctx.reference, now());
    if (screened) {
      problems.push(`${source} not used: ${screened}`);
      if (open.size === 0) askNext();
      continue;
    }
    const moved = guard?.check(reading, ctx.confirmed, ctx.reference, now());
    const why = moved ?? due?.reason;
    if (!why && candidates.length === 0) {
      closeOpen(started);
      return accept(reading, source);
    }
    const match = guard && candidates.find((c) => guard.agree(c.reading, reading));
    if (match) {
      closeOpen(started);
      for (const c of candidates.filter((x) => x !== match))
        problems.push(`${c.source} refused: it says ${guard.shown(c.reading)}${c.why ? ` (${c.why})` : ""}`);
      // Of two that agree, the one first in the group's order is written, whichever answered first.
      const [first, second] = match.index < outcome.index ? [match, { reading, source }] : [{ reading, source }, match];
      return accept(first.reading, first.source, second);
    }
    candidates.push({ index: outcome.index, reading, source, why: why ?? "", scheduled: !moved && !!due?.scheduled });
    if (open.size === 0) askNext(); // a second opinion at once
  }
  closeOpen();
  if (outOfTime) problems.push(`no time left within the refresh's ${ctx.deadlineS} s limit`);
  const asked = problems.length ? ` (${problems.join("; ")})` : "";

  if (candidates.length === 0) return { problems: [`${group.what}: ${problems.join("; ")}`] };
  const keptText = () =>
    ctx.confirmed
      ? `; the last confirmed ${guard!.shown(ctx.confirmed.reading)} (${ctx.confirmed.source}, ${utcMinute(ctx.confirmed.asOf)}) is kept`
      : "";
  if (candidates.length === 1) {
    const only = candidates[0];
    if (only.scheduled)
      return accept(only.reading, only.source, undefined, `unconfirmed: ${only.why}, and no second provider answered`);
    return {
      problems: [
        `${group.what}: ${only.source} says ${guard!.shown(only.reading)}, not used: ${only.why}, and no second provider confirmed it${asked}${keptText()}`,
      ],
      kept: ctx.confirmed,
    };
  }
  const said = candidates.map((c) => `${c.source} says ${guard!.shown(c.reading)}`).join("; ");
  return {
    problems: [
      `${group.what}: ${said}: they disagree by more than ${guard!.tolerance}, so none is used${asked}${keptText()}`,
    ],
    kept: ctx.confirmed,
  };
}

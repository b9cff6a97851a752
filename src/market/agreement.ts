/**
 * Agreement over time. A value read from one provider is written only while an independent
 * provider has confirmed it recently enough:
 *   - the first reading after the runtime starts (or after the mempool instance changes) is
 *     always confirmed before it is written;
 *   - a reading that moved more than a stated threshold from the last confirmed one needs
 *     confirmation (guards.ts: PRICE_MOVE, DIFFICULTY_MOVE, the height's window);
 *   - and at least every CONFIRM_EVERY refreshes a reading is confirmed, however little it moved.
 * Two providers confirm each other when they agree within the field's tolerance (guards.ts). The
 * threshold is measured from the last confirmed value (and from the confirming provider's), never
 * from the last written one, so a provider that drifts a little at each refresh reaches the
 * threshold and is checked: a slow drift cannot carry the written value further than the
 * threshold from an independent provider's.
 *
 * Why these numbers: docs/live-data-checks.md.
 */
import { Reading } from "./providers/types";
import { Currency } from "./fields";

/** A reading is confirmed by a second provider at least once every this many refreshes. */
export const CONFIRM_EVERY = 5;

/** The last reading two providers agreed on, for one group of fields. */
export interface Confirmed {
  /** The reading written. */
  reading: Reading;
  /** The confirming provider's reading (moves are measured from both). */
  witness?: Reading;
  /** "A, confirmed by B". */
  source: string;
  /** The source of each price in another currency, when not `source` (B did not quote it: A's alone). */
  priceSources?: Partial<Record<Currency, string>>;
  /** When it was confirmed (ms since the epoch). */
  asOf: number;
  /** The refresh (counted from the runtime's start) in which it was confirmed. */
  refresh: number;
}

/** Why a refresh's readings need confirmation whatever they say, or undefined when they need none. */
export interface Due {
  reason: string;
  /**
   * Only the schedule asks (every CONFIRM_EVERY refreshes): when no second provider answers, the
   * reading, still within the threshold of a confirmed one, is used and said to be unconfirmed.
   * A first reading is never used unconfirmed.
   */
  scheduled: boolean;
}

/** Whether this refresh must confirm its reading before writing it. */
export function confirmationDue(confirmed: Confirmed | undefined, refresh: number): Due | undefined {
  if (!confirmed) return { reason: "it is the first reading since the add-in started", scheduled: false };
  if (refresh - confirmed.refresh >= CONFIRM_EVERY)
    return { reason: `its last confirmation was ${refresh - confirmed.refresh} refreshes ago`, scheduled: true };
  return undefined;
}

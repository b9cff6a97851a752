import { Currency, FieldId } from "../fields";

/** What one endpoint's response says, after validation. */
export interface Reading {
  fields: Partial<Record<FieldId, number>>;
  prices: Partial<Record<Currency, number>>;
  /** Mean seconds per block lately, when the endpoint reports it (for date estimates). */
  meanBlockSeconds?: number;
}

/** One endpoint of one provider: where to GET it and how to read it. */
export interface Endpoint {
  provider: string;
  /** Path and query after the provider's base URL. */
  path: string;
  parse(body: string): Reading;
}

export const reading = (r: Partial<Reading>): Reading => ({ fields: {}, prices: {}, ...r });

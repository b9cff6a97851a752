/* Entry of the bundle scripts/check-engines.js runs in each engine: prints the probe as JSON. */
import { probe } from "./probe";

// JavaScriptCore's shell prints with print(); a browser's print() opens the print dialog.
const g = globalThis as { print?: (s: string) => void; window?: unknown; console?: { log: (s: string) => void } };
const out = g.window === undefined && g.print ? g.print : (s: string) => g.console?.log(s);
out(JSON.stringify(probe()));

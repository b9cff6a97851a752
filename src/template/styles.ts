/**
 * How each cell style looks, as data: the pane's writer (src/taskpane/insert-model.ts) applies it
 * through Office.js and the release's workbook (scripts/model-xlsx.ts) writes it into the file, so
 * an inserted model and the downloaded one look alike. Colours are "#RRGGBB".
 */
import type { CellStyle } from "./spec";

export interface StyleLook {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  size?: number;
  /** Font colour. */
  color?: string;
  /** Solid fill. */
  fill?: string;
}

export const CELL_STYLES: Record<CellStyle, StyleLook> = {
  title: { bold: true, size: 14 },
  note: { italic: true, color: "#595959" },
  header: { bold: true, fill: "#D9E1F2" },
  section: { bold: true, color: "#1F4E78" },
  // The modelling convention: inputs in blue on a light fill, so a reader sees what may be changed.
  input: { color: "#0000FF", fill: "#FFF2CC" },
  result: { bold: true },
  check: { bold: true, fill: "#E2EFDA" },
  plain: {},
};

/** Excel's date serial (days since 1899-12-30, UTC) of a time in ms since the epoch. */
export function excelSerialFromMs(ms: number): number {
  return ms / 86_400_000 + 25_569;
}

/* An assertion with a label: its failure message starts with what was checked (a function, a row), then jest's got and wanted. */
export function labelled(label: string, check: () => void): void {
  try {
    check();
  } catch (e) {
    if (e instanceof Error) e.message = `${label}: ${e.message}`;
    throw e;
  }
}

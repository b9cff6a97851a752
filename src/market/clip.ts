/** At most `max` characters of provider text, with an ellipsis when cut (the pane shows it too). */
export function clip(text: string, max = 60): string {
  return text.length > max ? text.slice(0, max) + "…" : text;
}

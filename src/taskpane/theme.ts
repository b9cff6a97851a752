/**
 * The pane's colours from Office's theme (Office.context.officeTheme): the body background and
 * text come from the theme, light or dark, and every other colour is chosen to keep WCAG AA
 * contrast (4.5:1 for text) against that background. Outside Office the stylesheet's own light
 * palette applies, or its dark one when the system prefers dark (prefers-color-scheme).
 * Pure functions, tested in Node; `applyTheme` is the only one that touches the page.
 */

/** The colours the stylesheet reads (CSS custom properties of the same names, with "--"). */
export interface Palette {
  bg: string;
  fg: string;
  muted: string;
  border: string;
  accent: string;
  "accent-fg": string;
  link: string;
  focus: string;
  "warn-bg": string;
  "warn-fg": string;
  "err-bg": string;
  "err-fg": string;
  "control-bg": string;
  "control-fg": string;
  "disabled-bg": string;
  "disabled-fg": string;
}

/** The same values as taskpane.css's :root (light) and its prefers-color-scheme: dark block. */
export const LIGHT: Palette = {
  bg: "#ffffff",
  fg: "#1b1b1b",
  muted: "#555555",
  border: "#c8c8c8",
  accent: "#a4520a",
  "accent-fg": "#ffffff",
  link: "#0b5cad",
  focus: "#0b5cad",
  "warn-bg": "#fff4ce",
  "warn-fg": "#4d3800",
  "err-bg": "#fde7e9",
  "err-fg": "#6b0012",
  "control-bg": "#ffffff",
  "control-fg": "#1b1b1b",
  "disabled-bg": "#eeeeee",
  "disabled-fg": "#595959",
};

export const DARK: Palette = {
  bg: "#1f1f1f",
  fg: "#f3f3f3",
  muted: "#bdbdbd",
  border: "#5c5c5c",
  accent: "#f0a35e",
  "accent-fg": "#1b1b1b",
  link: "#8cc4ff",
  focus: "#8cc4ff",
  "warn-bg": "#4d3800",
  "warn-fg": "#fff4ce",
  "err-bg": "#6b0012",
  "err-fg": "#fde7e9",
  "control-bg": "#2b2b2b",
  "control-fg": "#f3f3f3",
  "disabled-bg": "#3a3a3a",
  "disabled-fg": "#b0b0b0",
};

/** WCAG AA for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

/** The part of Office.OfficeTheme the pane reads (every field may be missing on some host). */
export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
  isDarkTheme?: boolean;
}

/** "#rgb" or "#rrggbb" (Office's triplets) as [r, g, b] 0..255, or undefined. */
export function parseHex(color: unknown): [number, number, number] | undefined {
  if (typeof color !== "string") return undefined;
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

const hex = (rgb: [number, number, number]) => "#" + rgb.map((v) => v.toString(16).padStart(2, "0")).join("");

/** WCAG 2 relative luminance of a colour, 0 (black) to 1 (white). */
export function luminance(color: string): number {
  const rgb = parseHex(color);
  if (!rgb) return NaN;
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `color` if it keeps `min` contrast on `bg`, else the first of `fallbacks` that does (the last as a last resort). */
function keep(color: string, bg: string, min: number, ...fallbacks: string[]): string {
  for (const c of [color, ...fallbacks]) if (contrast(c, bg) >= min) return c;
  return fallbacks[fallbacks.length - 1] ?? color;
}

export interface ThemeChoice {
  palette: Palette;
  dark: boolean;
  /** "office" when the theme's body colours are used; "default" when there is no usable theme. */
  from: "office" | "default";
}

/**
 * The palette for an Office theme: its body colours (when they are valid and readable together),
 * the light or dark palette for the rest, each text colour checked against the theme's background.
 */
export function paletteFor(theme: OfficeThemeLike | undefined): ThemeChoice | undefined {
  const bg = parseHex(theme?.bodyBackgroundColor);
  const fg = parseHex(theme?.bodyForegroundColor);
  if (!theme || !bg || !fg) return undefined;
  const bgHex = hex(bg);
  const dark = typeof theme.isDarkTheme === "boolean" ? theme.isDarkTheme : luminance(bgHex) < 0.2;
  const base = dark ? DARK : LIGHT;
  // A theme whose text is hard to read on its own background is not followed for the text.
  const fgHex = keep(hex(fg), bgHex, MIN_TEXT_CONTRAST, base.fg, dark ? "#ffffff" : "#000000");
  const controlBg = parseHex(theme.controlBackgroundColor);
  const controlFg = parseHex(theme.controlForegroundColor);
  const controls =
    controlBg && controlFg && contrast(hex(controlBg), hex(controlFg)) >= MIN_TEXT_CONTRAST
      ? { "control-bg": hex(controlBg), "control-fg": hex(controlFg) }
      : { "control-bg": bgHex, "control-fg": fgHex };
  return {
    dark,
    from: "office",
    palette: {
      ...base,
      ...controls,
      bg: bgHex,
      fg: fgHex,
      muted: keep(base.muted, bgHex, MIN_TEXT_CONTRAST, fgHex),
      link: keep(base.link, bgHex, MIN_TEXT_CONTRAST, fgHex),
      focus: keep(base.focus, bgHex, 3, fgHex),
    },
  };
}

/** Sets the page's colours from a theme choice (or back to the stylesheet's defaults with undefined). */
export function applyTheme(root: HTMLElement, choice: ThemeChoice | undefined): void {
  for (const key of Object.keys(LIGHT)) root.style.removeProperty(`--${key}`);
  if (!choice) {
    delete root.dataset.theme;
    return;
  }
  for (const [key, value] of Object.entries(choice.palette)) root.style.setProperty(`--${key}`, value);
  root.dataset.theme = choice.dark ? "dark" : "light";
}

/*
 * The pane's colours (src/taskpane/theme.ts): WCAG 2 contrast as published, both palettes
 * readable, and Office's theme followed where it is readable.
 */
import { contrast, DARK, LIGHT, luminance, Palette, paletteFor, parseHex } from "../../src/taskpane/theme";

/** Text colour on background colour, for every text the pane draws; focus rings need 3:1 (WCAG 1.4.11). */
const TEXT_PAIRS: [keyof Palette, keyof Palette][] = [
  ["fg", "bg"],
  ["muted", "bg"],
  ["link", "bg"],
  ["accent-fg", "accent"],
  ["warn-fg", "warn-bg"],
  ["err-fg", "err-bg"],
  ["control-fg", "control-bg"],
];

test("contrast follows WCAG 2's published values", () => {
  expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 10);
  expect(contrast("#ffffff", "#ffffff")).toBe(1);
  // WebAIM: #767676 is the lightest grey with AA contrast on white, 4.54:1; #777777 falls short (4.48:1)
  expect(contrast("#767676", "#FFFFFF")).toBeCloseTo(4.54, 2);
  expect(contrast("#777", "#fff")).toBeCloseTo(4.48, 2);
  expect(luminance("#ffffff")).toBe(1);
  expect(parseHex("#0b5cad")).toEqual([11, 92, 173]);
  expect(parseHex("red")).toBeUndefined();
});

test.each([
  ["light", LIGHT],
  ["dark", DARK],
])("the %s palette keeps every text at 4.5:1 or more, and the focus ring at 3:1", (_, p) => {
  // On failure, each pair under 4.5:1 with its contrast.
  const faint = TEXT_PAIRS.map(([fg, bg]) => ({ fg, bg, contrast: contrast(p[fg], p[bg]) })).filter((x) => !(x.contrast >= 4.5));
  expect(faint).toEqual([]);
  expect(contrast(p.focus, p.bg)).toBeGreaterThanOrEqual(3);
});

test("Office's body colours are used, the rest from the matching palette", () => {
  const dark = paletteFor({ bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", isDarkTheme: true });
  expect(dark).toMatchObject({ dark: true, from: "office" });
  expect([dark!.palette.bg, dark!.palette.fg, dark!.palette.accent]).toEqual(["#262626", "#ffffff", DARK.accent]);
  const light = paletteFor({ bodyBackgroundColor: "#F3F2F1", bodyForegroundColor: "#323130" }); // no isDarkTheme: by luminance
  expect(light).toMatchObject({ dark: false, palette: { bg: "#f3f2f1", fg: "#323130", muted: LIGHT.muted } });
});

test("a theme whose colours would be hard to read is not followed for them", () => {
  // text too close to its background: the palette's own text colour instead
  const grey = paletteFor({ bodyBackgroundColor: "#808080", bodyForegroundColor: "#909090", isDarkTheme: false })!;
  expect(contrast(grey.palette.fg, grey.palette.bg)).toBeGreaterThanOrEqual(4.5);
  // a mid-grey background on which the palette's muted grey and link fail: they fall back to a readable colour
  for (const key of ["muted", "link"] as const) expect(contrast(grey.palette[key], grey.palette.bg)).toBeGreaterThanOrEqual(4.5);
  // controls whose own pair is unreadable take the body's
  const controls = paletteFor({ bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#000000", controlBackgroundColor: "#ffffff", controlForegroundColor: "#eeeeee" })!;
  expect([controls.palette["control-bg"], controls.palette["control-fg"]]).toEqual(["#ffffff", "#000000"]);
});

test("no theme, or not colours: no choice (the stylesheet's defaults apply)", () => {
  expect(paletteFor(undefined)).toBeUndefined();
  expect(paletteFor({ bodyBackgroundColor: "white", bodyForegroundColor: "#000" })).toBeUndefined();
  expect(paletteFor({ bodyForegroundColor: "#000" })).toBeUndefined();
});

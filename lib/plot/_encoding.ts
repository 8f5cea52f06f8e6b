/**
 * Encodings the chart builders share: axes fitted to the data, series ordered as numbers, a second channel
 * besides colour, titles that fit the chart's width.
 *
 * @module
 */
import { plainText } from "./plain_text.ts";

/** A row of data: field name → value. */
export type Row = Record<string, number | string | boolean | null>;

/** Axis scale. */
export type ScaleType = "linear" | "log" | "symlog";

/** A series value as the legend shows it. */
export type SeriesValue = string | number | boolean;

/**
 * A data field name as Vega-Lite reads it. Vega-Lite takes `.` and `[…]` in a field as nested access
 * (`"loss[train]"` reads `loss` then `train`, draws nothing, and reports no error), so those characters and
 * `'` are escaped with a backslash. A `"` or `\` cannot be escaped reliably (Vega-Lite 5 then builds an
 * invalid expression or reads the wrong field), so such a name is refused.
 *
 * @throws {RangeError} when `name` contains `"` or `\`
 */
export function vegaField(name: string): string {
  if (/["\\]/.test(name)) {
    throw new RangeError(
      `chart field ${JSON.stringify(name)}: Vega-Lite cannot read a field whose name contains " or \\; ` +
        "rename the column",
    );
  }
  return name.replace(/[.[\]']/g, (c) => "\\" + c);
}

/** Order numbers by value and strings naturally ("i = 3" before "i = 10"). */
export function naturalCompare(a: SeriesValue, b: SeriesValue): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en", { numeric: true });
}

const NUMBER = /[-−]?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi;

/** A series is ordered when its values are numbers, or the same words around one number each ("B = 8"). */
function looksOrdered(values: SeriesValue[]): boolean {
  if (values.length < 2) return false;
  if (values.every((v) => typeof v === "number")) return true;
  const frames = values.map((v) =>
    String(v).match(NUMBER)?.length === 1 ? String(v).replace(NUMBER, "#") : null
  );
  return frames.every((f) => f !== null && f === frames[0]);
}

/** The distinct values of `field`, in natural order, and whether they are ordered. */
export function seriesOf(
  rowSets: Row[][],
  field: string,
  ordered?: boolean,
): { values: SeriesValue[]; ordered: boolean } {
  const seen = new Set<SeriesValue>();
  for (const rows of rowSets) {
    for (const r of rows) if (r[field] !== null && r[field] !== undefined) seen.add(r[field]!);
  }
  const values = [...seen].sort(naturalCompare);
  return { values, ordered: ordered ?? looksOrdered(values) };
}

/** Axis title: the plain-text title (default: the field) and the unit in parentheses. */
export function axisTitle(field: string, title?: string, unit?: string): string {
  const text = plainText(title ?? field);
  return unit ? `${text} (${plainText(unit)})` : text;
}

/** Smallest and largest finite value of `field` (positive only when `positive`). */
export function extent(rowSets: Row[][], field: string, positive = false): [number, number] | undefined {
  let lo = Infinity, hi = -Infinity;
  for (const rows of rowSets) {
    for (const r of rows) {
      const v = r[field];
      if (typeof v !== "number" || !Number.isFinite(v) || (positive && v <= 0)) continue;
      lo = Math.min(lo, v), hi = Math.max(hi, v);
    }
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/** A quantitative position encoding; a log axis spans the data, not whole decades around it. */
export function axisEncoding(
  rowSets: Row[][],
  field: string,
  options: { title?: string; unit?: string; scale?: ScaleType },
): Record<string, unknown> {
  let scale: Record<string, unknown> = { zero: false };
  if (options.scale === "symlog") scale = { type: "symlog" };
  if (options.scale === "log") {
    const span = extent(rowSets, field, true);
    const domain = span && span[0] === span[1] ? [span[0] / 2, span[1] * 2] : span;
    scale = { type: "log", nice: false, ...(domain ? { domain } : {}) };
  }
  return {
    field: vegaField(field),
    type: "quantitative",
    title: axisTitle(field, options.title, options.unit),
    scale,
  };
}

/** Colour of ordered series: a sequential scheme without its palest end (readable on white). */
const SEQUENTIAL = { name: "viridis", extent: [0, 0.85] };

/** A legend with full labels; below the plot when a label is long, so the chart keeps a page's width. */
function legendOf(series: { values: SeriesValue[] }): Record<string, unknown> {
  const longest = Math.max(...series.values.map((v) => String(v).length), 0);
  const legend: Record<string, unknown> = { labelLimit: 0, titleLimit: 0 };
  return longest > 18 ? { ...legend, orient: "bottom", direction: "vertical" } : legend;
}

/** Series encodings: colour (sequential when ordered), legend in natural order with full labels. */
export function seriesColor(
  field: string,
  series: { values: SeriesValue[]; ordered: boolean },
  title?: string,
): Record<string, unknown> {
  return {
    field: vegaField(field),
    type: series.ordered ? "ordinal" : "nominal",
    title: plainText(title ?? field),
    sort: series.values,
    scale: series.ordered ? { domain: series.values, scheme: SEQUENTIAL } : { domain: series.values },
    legend: legendOf(series),
  };
}

/** A second channel for the same series (dash or shape), so the series differ by more than colour. */
export function seriesSecond(
  channel: "strokeDash" | "shape",
  field: string,
  series: { values: SeriesValue[] },
  title?: string,
): Record<string, unknown> {
  return {
    [channel]: {
      field: vegaField(field),
      type: "nominal",
      title: plainText(title ?? field),
      sort: series.values,
      scale: { domain: series.values },
      legend: legendOf(series),
    },
  };
}

/** The chart title, wrapped into lines that fit `width` pixels (headless Vega counts ≈ 10 px a character). */
export function chartTitle(title: string | undefined, width: number): Record<string, unknown> {
  if (!title) return {};
  const text = plainText(title), perLine = Math.max(20, Math.floor(width / 9.5));
  if (text.length <= perLine) return { title: text };
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && (line + " " + word).length > perLine) lines.push(line), line = word;
    else line = line ? line + " " + word : word;
  }
  if (line) lines.push(line);
  return { title: { text: lines } };
}

/**
 * Alt text of a chart: what is plotted (title, each axis with its scale and range, the series) in one
 * paragraph. Vega-Lite puts a spec's `description` on the SVG as its accessible name; the course's builders
 * write one when the notebook gives none, and {@linkcode chartBundle} shows it as the bundle's text.
 *
 * @module
 */
import { axisTitle, extent, type Row, type ScaleType, type SeriesValue } from "./_encoding.ts";
import { plainText } from "./plain_text.ts";

/** One axis of a chart, as the description names it. */
export interface DescribedAxis {
  field: string;
  title?: string;
  unit?: string;
  scale?: ScaleType;
}

/** What {@linkcode describeChart} needs to know. */
export interface ChartSummary {
  /** What is drawn, e.g. "Line chart" or "Theory (dashed lines) over measurement (points)". */
  kind: string;
  title?: string;
  x: DescribedAxis;
  y: DescribedAxis;
  /** Every row the chart draws (all layers). */
  rows: Row[][];
  series?: { field: string; title?: string; values: SeriesValue[] };
}

/** A number with three significant digits, no trailing zeros (1.23e-4, 0.5, 1200). */
export function roundForText(v: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return String(Number(v.toPrecision(3)));
  return v.toExponential(2).replace(/\.?0+e/, "e").replace("e+", "e");
}

function axisText(name: string, rows: Row[][], axis: DescribedAxis): string {
  const span = extent(rows, axis.field, axis.scale === "log");
  const scale = axis.scale === "log" ? "log scale" : axis.scale === "symlog" ? "symlog scale" : "linear";
  const range = span ? `, ${roundForText(span[0])} to ${roundForText(span[1])}` : "";
  return `${name}: ${axisTitle(axis.field, axis.title, axis.unit)} (${scale}${range})`;
}

function listed(values: SeriesValue[], max = 8): string {
  const shown = values.slice(0, max).map(String).join(", ");
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}

/**
 * The alt text of a chart built from `summary`.
 *
 * @example
 * ```ts
 * import { describeChart } from "./description.ts";
 * const text = describeChart({
 *   kind: "Line chart", title: "Loss", x: { field: "step" }, y: { field: "loss", scale: "log" },
 *   rows: [[{ step: 0, loss: 1 }, { step: 10, loss: 0.01 }]],
 * });
 * if (text !== "Line chart: Loss. x: step (linear, 0 to 10); y: loss (log scale, 0.01 to 1).") throw new Error(text);
 * ```
 */
export function describeChart(summary: ChartSummary): string {
  const parts = [`${summary.kind}${summary.title ? `: ${plainText(summary.title)}` : ""}.`];
  parts.push(`${axisText("x", summary.rows, summary.x)}; ${axisText("y", summary.rows, summary.y)}.`);
  const s = summary.series;
  if (s && s.values.length > 0) {
    parts.push(`${s.values.length} series by ${plainText(s.title ?? s.field)}: ${listed(s.values)}.`);
  }
  return parts.join(" ");
}

/** A description for any Vega-Lite spec that has none: its title and its marks. */
export function fallbackDescription(spec: Record<string, unknown>): string {
  const title = spec.title;
  const text = typeof title === "string"
    ? title
    : Array.isArray((title as { text?: unknown })?.text)
    ? (title as { text: string[] }).text.join(" ")
    : (title as { text?: string } | undefined)?.text;
  const marks = new Set<string>();
  const visit = (s: Record<string, unknown>) => {
    const mark = s.mark;
    if (typeof mark === "string") marks.add(mark);
    else if (mark && typeof (mark as { type?: unknown }).type === "string") {
      marks.add((mark as { type: string }).type);
    }
    for (const key of ["layer", "hconcat", "vconcat", "concat"]) {
      if (Array.isArray(s[key])) { for (const child of s[key] as Record<string, unknown>[]) visit(child); }
    }
    if (s.spec && typeof s.spec === "object") visit(s.spec as Record<string, unknown>);
  };
  visit(spec);
  const drawn = marks.size ? ` (${[...marks].join(", ")} marks)` : "";
  return `Chart${text ? `: ${plainText(text)}` : ""}${drawn}.`;
}

/**
 * Vega-Lite v5 chart builders for the charts the course draws again and again: curves over steps, and
 * theory (a line) laid over measurement (points).
 *
 * Every chart they build reads the same in every viewer: a `description` (alt text; generated from the title,
 * axes and series when not given), plain-Unicode titles (TeX such as `\eta` or `v_j` is converted), legends
 * with full labels in numeric order (i = 0, 3, 10, 30), series told apart by a second channel besides colour
 * (dash or shape), a sequential colour scale for ordered series, log axes fitted to the data, and a width
 * that fits a page.
 *
 * @module
 */
import {
  axisEncoding,
  chartTitle,
  type Row,
  type ScaleType,
  seriesColor,
  seriesOf,
  seriesSecond,
  vegaField,
} from "./_encoding.ts";
import { describeChart } from "./description.ts";
import type { VegaLiteSpec } from "./render.ts";

export { type Row, type ScaleType, vegaField };

/** Options shared by the builders. */
export interface ChartOptions {
  /** Chart title, plain Unicode (TeX-isms such as `\eta`, `λ_i`, `x^{2}` are converted). Wrapped to fit. */
  title?: string;
  /**
   * Alt text: what the chart plots and what it shows, for screen readers and text-only viewers (it becomes
   * the bundle's `text/plain`). Default: generated from the title, the axes with their ranges, and the series.
   */
  description?: string;
  /** x field. */
  x: string;
  /** y field. */
  y: string;
  /** Field whose values give one series each (colour, plus dash for lines or shape for points). */
  color?: string;
  /** Legend title. Default: the `color` field. */
  colorTitle?: string;
  /**
   * Whether the series are ordered (a sequential colour scale) or categories (a categorical palette).
   * Default: ordered when every value is a number, or the same words around one number ("B = 8").
   */
  ordered?: boolean;
  /** Axis titles. Default: the field names. */
  xTitle?: string;
  yTitle?: string;
  /** Units, shown in parentheses after the axis title: `yUnit: "s"` → "time (s)". */
  xUnit?: string;
  yUnit?: string;
  /** Axis scales. A log axis spans the data's positive range exactly (no padding to whole decades). */
  xScale?: ScaleType;
  yScale?: ScaleType;
  /** Plot width in pixels, at most 520 so that axes and legend fit a 640 px page. Default 420. */
  width?: number;
  /** Plot height in pixels. Default 260. */
  height?: number;
}

const SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";
/** Widest plot area: with the axis and a legend the chart stays within ≈ 640 px. */
export const MAX_PLOT_WIDTH = 520;
/** Series beyond this many share dash patterns or shapes, so the second channel is left out. */
const MAX_SECOND_CHANNEL = 8;

function finite(rows: Row[], fields: string[], logFields: string[]): Row[] {
  return rows.filter((r) =>
    fields.every((f) => typeof r[f] !== "number" || Number.isFinite(r[f] as number)) &&
    logFields.every((f) => typeof r[f] !== "number" || (r[f] as number) > 0)
  );
}

/** The parts every builder shares: data cleaned for the axes, encodings, frame and description. */
export function chartParts(rowSets: Row[][], options: ChartOptions, kind: string) {
  const logs = [options.xScale === "log" ? options.x : "", options.yScale === "log" ? options.y : ""]
    .filter(Boolean);
  const data = rowSets.map((rows) => finite(rows, [options.x, options.y], logs));
  const width = Math.min(options.width ?? 420, MAX_PLOT_WIDTH);
  const series = options.color ? seriesOf(data, options.color, options.ordered) : undefined;
  const encoding: Record<string, unknown> = {
    x: axisEncoding(data, options.x, { title: options.xTitle, unit: options.xUnit, scale: options.xScale }),
    y: axisEncoding(data, options.y, { title: options.yTitle, unit: options.yUnit, scale: options.yScale }),
    ...(options.color && series ? { color: seriesColor(options.color, series, options.colorTitle) } : {}),
  };
  const description = options.description ?? describeChart({
    kind,
    title: options.title,
    x: { field: options.x, title: options.xTitle, unit: options.xUnit, scale: options.xScale },
    y: { field: options.y, title: options.yTitle, unit: options.yUnit, scale: options.yScale },
    rows: data,
    series: options.color && series
      ? { field: options.color, title: options.colorTitle, ...series }
      : undefined,
  });
  const frame = {
    $schema: SCHEMA,
    description,
    ...chartTitle(options.title, width),
    width,
    height: options.height ?? 260,
  };
  const second = (channel: "strokeDash" | "shape") =>
    options.color && series && series.values.length <= MAX_SECOND_CHANNEL &&
      !(channel === "strokeDash" && series.ordered)
      ? seriesSecond(channel, options.color, series, options.colorTitle)
      : {};
  return { data, encoding, frame, second };
}

/**
 * Lines, one per `color` value (categorical series also differ by dash pattern).
 *
 * @example
 * ```ts
 * import { lineChart } from "./charts.ts";
 * const spec = lineChart([{ step: 0, loss: 1 }, { step: 1, loss: 0.5 }], {
 *   x: "step", y: "loss", yScale: "log", yUnit: "nats", description: "Loss halves in one step.",
 * });
 * if (spec.description !== "Loss halves in one step.") throw new Error("the given alt text is kept");
 * ```
 */
export function lineChart(rows: Row[], options: ChartOptions): VegaLiteSpec & { mark: unknown } {
  const { data, encoding, frame, second } = chartParts([rows], options, "Line chart");
  return {
    ...frame,
    data: { values: data[0] },
    mark: { type: "line", clip: true },
    encoding: { ...encoding, ...second("strokeDash") },
  } as VegaLiteSpec & { mark: unknown };
}

/** Options of {@linkcode theoryVsMeasurement}. */
export interface TheoryOptions extends ChartOptions {
  /** Rows of the theory curve (drawn as dashed lines); `rows` of the measurement are drawn as points. */
  theory: Row[];
}

/**
 * Theory as dashed lines, measurement as points (one shape per series), on shared axes: the course's
 * standard comparison chart. Both row sets use the fields `x`, `y` (and `color`, if given).
 *
 * @example
 * ```ts
 * import { theoryVsMeasurement } from "./charts.ts";
 * const theory = [1, 10, 100].map((n) => ({ n, risk: 1 / n }));
 * const spec = theoryVsMeasurement([{ n: 10, risk: 0.11 }], { theory, x: "n", y: "risk", xScale: "log" });
 * if (!spec.description?.includes("n (log scale, 1 to 100)")) throw new Error(spec.description);
 * ```
 */
export function theoryVsMeasurement(measured: Row[], options: TheoryOptions): VegaLiteSpec {
  const { data, encoding, frame, second } = chartParts(
    [options.theory, measured],
    options,
    "Theory (dashed lines) and measurement (points)",
  );
  return {
    ...frame,
    layer: [
      { data: { values: data[0] }, mark: { type: "line", strokeDash: [6, 3], clip: true }, encoding },
      {
        data: { values: data[1] },
        mark: { type: "point", filled: true, size: 40, clip: true },
        encoding: { ...encoding, ...second("shape") },
      },
    ],
  } as VegaLiteSpec;
}

/**
 * Vega-Lite v5 chart builders for the charts the course draws again and again: curves over steps, and
 * theory (a line) laid over measurement (points).
 *
 * @module
 */
import type { VegaLiteSpec } from "./render.ts";

/** A row of data: field name → value. */
export type Row = Record<string, number | string | boolean | null>;

/** Axis scale. */
export type ScaleType = "linear" | "log" | "symlog";

/** Options shared by the builders. */
export interface ChartOptions {
  title?: string;
  /** x field. */
  x: string;
  /** y field. */
  y: string;
  /** Field whose values give one coloured series each. */
  color?: string;
  xTitle?: string;
  yTitle?: string;
  xScale?: ScaleType;
  yScale?: ScaleType;
  width?: number;
  height?: number;
}

const SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

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

function axis(field: string, title: string | undefined, scale: ScaleType | undefined) {
  return {
    field: vegaField(field),
    type: "quantitative" as const,
    title: title ?? field,
    scale: scale && scale !== "linear" ? { type: scale } : { zero: false },
  };
}

function colorEncoding(field: string | undefined) {
  return field ? { color: { field: vegaField(field), type: "nominal" as const, title: field } } : {};
}

function finite(rows: Row[], fields: string[], logFields: string[]): Row[] {
  return rows.filter((r) =>
    fields.every((f) => typeof r[f] !== "number" || Number.isFinite(r[f] as number)) &&
    logFields.every((f) => typeof r[f] !== "number" || (r[f] as number) > 0)
  );
}

/**
 * Lines, one per `color` value.
 *
 * @example
 * ```ts
 * import { lineChart } from "./charts.ts";
 * const spec = lineChart([{ step: 0, loss: 1 }, { step: 1, loss: 0.5 }], { x: "step", y: "loss", yScale: "log" });
 * if (spec.mark === undefined) throw new Error("a line chart has a mark");
 * ```
 */
export function lineChart(rows: Row[], options: ChartOptions): VegaLiteSpec & { mark: unknown } {
  const logs = [options.xScale === "log" ? options.x : "", options.yScale === "log" ? options.y : ""].filter(
    Boolean,
  );
  return {
    $schema: SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width: options.width ?? 420,
    height: options.height ?? 260,
    data: { values: finite(rows, [options.x, options.y], logs) },
    mark: { type: "line", clip: true },
    encoding: {
      x: axis(options.x, options.xTitle, options.xScale),
      y: axis(options.y, options.yTitle, options.yScale),
      ...colorEncoding(options.color),
    },
  } as VegaLiteSpec & { mark: unknown };
}

/** Options of {@linkcode theoryVsMeasurement}. */
export interface TheoryOptions extends ChartOptions {
  /** Rows of the theory curve (drawn as lines); `rows` of the measurement are drawn as points. */
  theory: Row[];
}

/**
 * Theory as lines, measurement as points, on shared axes: the course's standard comparison chart.
 * Both row sets use the fields `x`, `y` (and `color`, if given).
 */
export function theoryVsMeasurement(measured: Row[], options: TheoryOptions): VegaLiteSpec {
  const logs = [options.xScale === "log" ? options.x : "", options.yScale === "log" ? options.y : ""].filter(
    Boolean,
  );
  const encoding = {
    x: axis(options.x, options.xTitle, options.xScale),
    y: axis(options.y, options.yTitle, options.yScale),
    ...colorEncoding(options.color),
  };
  return {
    $schema: SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width: options.width ?? 420,
    height: options.height ?? 260,
    layer: [
      {
        data: { values: finite(options.theory, [options.x, options.y], logs) },
        mark: { type: "line", strokeDash: [6, 3], clip: true },
        encoding,
      },
      {
        data: { values: finite(measured, [options.x, options.y], logs) },
        mark: { type: "point", filled: true, size: 40, clip: true },
        encoding,
      },
    ],
  } as VegaLiteSpec;
}

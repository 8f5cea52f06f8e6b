/**
 * A theory curve with live sliders: the curve is a Vega expression of `x` and named parameters, each bound to a
 * range input, so dragging a slider redraws the curve in the viewer itself, with no kernel. Works wherever
 * Vega-Lite is rendered interactively (JupyterLab and Notebook 7 through `application/vnd.vegalite.v5+json`,
 * the course website through vega-embed); static images show the curve at the parameters' initial values.
 *
 * @module
 */
import "./_quiet.ts";
import * as vega from "vega";
import { type ChartOptions, chartParts } from "./charts.ts";
import type { Row } from "./_encoding.ts";
import type { VegaLiteSpec } from "./render.ts";

/** A parameter of the curve, shown as a range slider. */
export interface SliderParam {
  /** Name used in the expression (an identifier other than `x` and `datum`). */
  name: string;
  /** Initial value (drawn in static images). */
  value: number;
  min: number;
  max: number;
  /** Slider step. Default: (max − min) / 100. */
  step?: number;
  /** Slider label. Default: the name. */
  label?: string;
}

/** Options of {@linkcode sliderChart}. */
export interface SliderOptions extends ChartOptions {
  /**
   * The theory curve y(x) in Vega's expression language (JavaScript-like: `pow`, `exp`, `log`, `sqrt`, `PI`),
   * written with `x` for the abscissa and the parameters by name, e.g. `"pow(1 - eta * lambda, x)"`.
   */
  curve: string;
  /** The parameters the curve reads, one slider each. */
  params: SliderParam[];
  /** Abscissae where the curve is evaluated. Default: 200 points across the measured x range (log-spaced on a
   * log x axis). Required when `measured` is empty. */
  xs?: number[];
  /** y range kept fixed while the sliders move. Default: the measured y range (none when nothing is measured). */
  yDomain?: [number, number];
}

function grid(rows: Row[], options: SliderOptions): number[] {
  if (options.xs) return options.xs;
  const xs = rows.map((r) => r[options.x]).filter((v): v is number =>
    typeof v === "number" && Number.isFinite(v)
  );
  const log = options.xScale === "log";
  const usable = log ? xs.filter((v) => v > 0) : xs;
  if (usable.length === 0) {
    throw new RangeError(`sliderChart: no measured ${JSON.stringify(options.x)} values to span; pass xs`);
  }
  const lo = Math.min(...usable), hi = Math.max(...usable), n = 200;
  return Array.from({ length: n }, (_, i) => {
    const t = i / (n - 1);
    return log ? lo * (hi / lo) ** t : lo + (hi - lo) * t;
  });
}

/**
 * Measured points (optional) under a theory curve whose parameters are live sliders:
 * `params: [{ name, value, bind: { input: "range", min, max, step } }]` and a `calculate` transform.
 *
 * @throws {RangeError} when a parameter is named `x` or `datum`, its value lies outside [min, max], or the
 * curve is not a valid Vega expression (the parser's message, with the expression)
 *
 * @example
 * ```ts
 * import { sliderChart } from "./slider_chart.ts";
 * const measured = [0, 5, 10, 15, 20].map((t) => ({ step: t, residual: 0.9 ** t }));
 * const spec = sliderChart(measured, {
 *   x: "step", y: "residual", yScale: "log", curve: "pow(1 - eta * lambda, x)",
 *   params: [{ name: "eta", value: 0.1, min: 0.01, max: 0.3 }, { name: "lambda", value: 1, min: 0.5, max: 2 }],
 *   title: "Residual of one eigenmode: (1 − ηλ)ᵗ",
 * });
 * if (spec.params?.length !== 2) throw new Error("one slider per parameter");
 * ```
 */
export function sliderChart(measured: Row[], options: SliderOptions): VegaLiteSpec {
  for (const p of options.params) {
    if (!/^[A-Za-z_$][\w$]*$/.test(p.name) || p.name === "x" || p.name === "datum") {
      throw new RangeError(
        `sliderChart: parameter name ${JSON.stringify(p.name)} must be an identifier, not x or datum`,
      );
    }
    if (!(p.min <= p.value && p.value <= p.max)) {
      throw new RangeError(`sliderChart: parameter ${p.name} = ${p.value} lies outside [${p.min}, ${p.max}]`);
    }
  }
  const expression = options.curve.replace(/(?<![\w$.])x(?![\w$])/g, `datum[${JSON.stringify(options.x)}]`);
  try {
    vega.parseExpression(expression);
  } catch (e) {
    throw new RangeError(
      `sliderChart: curve ${JSON.stringify(options.curve)} is not a Vega expression: ${(e as Error).message}`,
    );
  }
  const curveRows = grid(measured, options).map((v) => ({ [options.x]: v }));
  const sliders = options.params.map((p) =>
    `${p.label ?? p.name} = ${p.value} (slider ${p.min} to ${p.max})`
  );
  const description = options.description ??
    `Theory curve y = ${options.curve} with sliders: ${sliders.join(", ")}` +
      (measured.length ? `, over ${measured.length} measured points` : "") + ".";
  const { data, encoding, frame, second } = chartParts(
    [measured],
    { ...options, description },
    "Slider chart",
  );
  const y = encoding.y as { scale: Record<string, unknown> };
  const yDomain = options.yDomain ?? (options.yScale === "log" ? y.scale.domain : undefined);
  const yScale = { ...y.scale, ...(yDomain ? { domain: yDomain } : {}) };
  const positive = options.yScale === "log" ? ` && datum[${JSON.stringify(options.y)}] > 0` : "";
  const layers: Record<string, unknown>[] = [{
    data: { values: curveRows },
    transform: [
      { calculate: expression, as: options.y },
      { filter: `isFinite(datum[${JSON.stringify(options.y)}])${positive}` },
    ],
    mark: { type: "line", clip: true, color: "#333" },
    encoding: { x: encoding.x, y: { ...y, scale: yScale } },
  }];
  if (data[0].length > 0) {
    layers.push({
      data: { values: data[0] },
      mark: { type: "point", filled: true, size: 40, clip: true },
      encoding: { ...encoding, y: { ...y, scale: yScale }, ...second("shape") },
    });
  }
  return {
    ...frame,
    params: options.params.map((p) => ({
      name: p.name,
      value: p.value,
      bind: {
        input: "range",
        min: p.min,
        max: p.max,
        step: p.step ?? (p.max - p.min) / 100,
        name: `${p.label ?? p.name} `,
      },
    })),
    layer: layers,
  } as unknown as VegaLiteSpec;
}

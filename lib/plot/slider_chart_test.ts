import * as vega from "vega";
import * as vl from "vega-lite";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { captureDisplays } from "../display.ts";
import { showChart, sliderChart, type VegaLiteSpec } from "./mod.ts";

const measured = [0, 5, 10, 20].map((step) => ({ step, residual: 0.9 ** step }));
const options = {
  x: "step",
  y: "residual",
  yScale: "log" as const,
  curve: "pow(1 - eta * lambda, x)",
  params: [{ name: "eta", value: 0.1, min: 0.01, max: 0.3 }, { name: "lambda", value: 1, min: 0.5, max: 2 }],
};

async function curvePath(spec: VegaLiteSpec, signals: Record<string, number> = {}): Promise<string> {
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: "none" });
  for (const [name, value] of Object.entries(signals)) view.signal(name, value);
  await view.runAsync();
  const svg = await view.toSVG();
  view.finalize();
  return svg.match(/<path[^>]*aria-roledescription="line mark"[^>]*d="([^"]+)"/)?.[1] ??
    svg.match(/class="mark-line[^"]*"[^>]*><path[^>]*d="([^"]+)"/)![1];
}

Deno.test("sliderChart() binds each parameter to a range input and computes the curve in the viewer", () => {
  const spec = sliderChart(measured, options) as unknown as {
    params: { name: string; value: number; bind: { input: string; min: number; max: number } }[];
    layer: { transform?: { calculate?: string }[] }[];
  };
  assertEquals(spec.params.map((p) => [p.name, p.value, p.bind.input, p.bind.min, p.bind.max]), [
    ["eta", 0.1, "range", 0.01, 0.3],
    ["lambda", 1, "range", 0.5, 2],
  ]);
  assertEquals(spec.layer[0].transform![0].calculate, 'pow(1 - eta * lambda, datum["step"])');
});

Deno.test("moving a slider moves the curve, with no kernel involved", async () => {
  const spec = sliderChart(measured, options);
  const initial = await curvePath(spec);
  assertEquals(await curvePath(spec, { eta: 0.1 }), initial, "same parameters, same curve");
  assert(await curvePath(spec, { eta: 0.2 }) !== initial, "a new eta redraws the curve");
});

Deno.test("a slider chart displays like any chart, with a description naming its sliders", async () => {
  const { bundles } = await captureDisplays(() => showChart(sliderChart(measured, options)));
  const text = String(bundles[0]["text/plain"]);
  assert(text.startsWith("Theory curve y = pow(1 - eta * lambda, x) with sliders: eta = 0.1"), text);
  assert(String(bundles[0]["image/svg+xml"]).includes("<path"), "the static SVG draws the curve");
});

Deno.test("sliderChart() refuses a bad parameter or expression, naming it", () => {
  assertThrows(
    () => sliderChart(measured, { ...options, params: [{ name: "x", value: 1, min: 0, max: 2 }] }),
    RangeError,
    'parameter name "x"',
  );
  assertThrows(
    () => sliderChart(measured, { ...options, params: [{ name: "eta", value: 5, min: 0, max: 2 }] }),
    RangeError,
    "eta = 5 lies outside [0, 2]",
  );
  assertThrows(() => sliderChart(measured, { ...options, curve: "pow(1 -" }), RangeError, 'curve "pow(1 -"');
  assertThrows(() => sliderChart([], options), RangeError, "pass xs");
});

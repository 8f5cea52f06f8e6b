import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { lineChart, MAX_PLOT_WIDTH, plainText, renderSvg, theoryVsMeasurement } from "./mod.ts";

type Enc = Record<string, Record<string, unknown>>;
function enc(spec: unknown, layer?: number): Enc {
  const unit = layer === undefined ? spec : (spec as { layer: unknown[] }).layer[layer];
  return (unit as { encoding: Enc }).encoding;
}

const svgWidth = (svg: string) => Number(svg.match(/<svg[^>]*width="([\d.]+)"/)![1]);

Deno.test("legends list numbered series in numeric order, not text order", async () => {
  const rows = ["i = 10", "i = 3", "i = 30", "i = 0"].flatMap((i) => [0, 1].map((t) => ({ t, v: t + 1, i })));
  const spec = lineChart(rows, { x: "t", y: "v", color: "i" });
  assertEquals(enc(spec).color.sort, ["i = 0", "i = 3", "i = 10", "i = 30"]);
  const svg = await renderSvg(spec);
  const order = [...svg.matchAll(/>(i = \d+)</g)].map((m) => m[1]);
  assertEquals(order, ["i = 0", "i = 3", "i = 10", "i = 30"]);
});

Deno.test("ordered series get a sequential scale; categories get a palette and a dash pattern too", () => {
  const numeric = [1, 2, 4].flatMap((degree) => [{ n: 1, l: 0.5, degree }, { n: 2, l: 0.7, degree }]);
  const ordered = enc(lineChart(numeric, { x: "n", y: "l", color: "degree" }));
  assertEquals(ordered.color.type, "ordinal");
  assertEquals((ordered.color.scale as { scheme: { name: string } }).scheme.name, "viridis");
  assertEquals(ordered.strokeDash, undefined);
  const runs = ["GD", "SGD"].flatMap((run) => [{ n: 1, l: 0.5, run }, { n: 2, l: 0.7, run }]);
  const categorical = enc(lineChart(runs, { x: "n", y: "l", color: "run" }));
  assertEquals(categorical.color.type, "nominal");
  assertEquals(categorical.strokeDash.field, "run");
  const points = enc(theoryVsMeasurement(runs, { theory: runs, x: "n", y: "l", color: "run" }), 1);
  assertEquals(points.shape.field, "run", "measured points differ by shape as well as colour");
});

Deno.test("a log axis spans the data exactly instead of padding to whole decades", async () => {
  const rows = [0.1, 0.4, 1.4].map((v, t) => ({ t, v }));
  const y = enc(lineChart(rows, { x: "t", y: "v", yScale: "log" })).y;
  assertEquals(y.scale, { type: "log", nice: false, domain: [0.1, 1.4] });
  const svg = await renderSvg(lineChart(rows, { x: "t", y: "v", yScale: "log" }));
  assert(!/>10</.test(svg), "no tick at 10 above data that ends at 1.4");
});

Deno.test("axis titles carry units, and titles are plain Unicode", () => {
  const spec = lineChart([{ t: 0, v: 1 }], {
    x: "t",
    y: "v",
    xTitle: "time",
    xUnit: "s",
    yTitle: "\\eta_{0}",
    title: "Σ_{j≥i} v_j²",
  });
  assertEquals(enc(spec).x.title, "time (s)");
  assertEquals(enc(spec).y.title, "η₀");
  assertEquals((spec as { title?: unknown }).title, "Σ_(j≥i) vⱼ²");
});

Deno.test("long titles wrap and long legend labels show in full, within a page's width", async () => {
  const label = "a series whose name is forty characters";
  const rows = [label, "short"].flatMap((s) => [{ t: 0, v: 1, s }, { t: 1, v: 2, s }]);
  const title =
    "A title long enough to stretch a chart to a thousand pixels if it were drawn on a single line";
  const spec = lineChart(rows, { x: "t", y: "v", color: "s", title, width: 900 });
  assertEquals((spec as { width: number }).width, MAX_PLOT_WIDTH);
  const svg = await renderSvg(spec);
  assert(svg.includes(`>${label}<`), "the legend label is not truncated");
  assert(svgWidth(svg) <= 640, `chart width ${svgWidth(svg)} px`);
});

Deno.test("every chart gets a description naming its title, axes with ranges, and series", () => {
  const rows = [1, 10, 100].flatMap((n) => ["train", "test"].map((split) => ({ n, loss: 1 / n, split })));
  const spec = lineChart(rows, { x: "n", y: "loss", color: "split", xScale: "log", title: "Loss" });
  assertEquals(
    (spec as { description: string }).description,
    "Line chart: Loss. x: n (log scale, 1 to 100); y: loss (linear, 0.01 to 1). 2 series by split: test, train.",
  );
  const given = lineChart(rows, { x: "n", y: "loss", description: "Loss falls as 1/n." });
  assertEquals((given as { description: string }).description, "Loss falls as 1/n.");
});

Deno.test("plainText() with strict refuses TeX it cannot turn into Unicode, naming it", () => {
  assertEquals(plainText("\\lambda_i \\cdot t"), "λᵢ · t");
  assertThrows(
    () => plainText("Σ_{j≥i}", { strict: true }),
    RangeError,
    '"_{j≥i}" has no plain-Unicode form',
  );
  assertThrows(() => plainText("\\frobnicate", { strict: true }), RangeError, '"\\\\frobnicate"');
  assertEquals(plainText("test_loss", { strict: true }), "test_loss");
});

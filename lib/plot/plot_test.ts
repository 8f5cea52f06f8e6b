import { assert, assertEquals } from "../_assert.ts";
import { captureDisplays } from "../display.ts";
import { assertThrows } from "../_assert.ts";
import {
  chartBundle,
  chartMetadata,
  lineChart,
  PNG_SCALE,
  pngSize,
  renderPng,
  renderSvg,
  showChart,
  theoryVsMeasurement,
  VEGALITE_MIME,
} from "./mod.ts";

const rows = [0, 1, 2, 3].map((step) => ({ step, loss: 2 ** -step, run: step % 2 ? "a" : "b" }));

Deno.test("chartBundle() carries the v5 spec, a rendered SVG with the data's marks, a PNG, and the description", async () => {
  const spec = lineChart(rows, { x: "step", y: "loss", color: "run", title: "Loss", yScale: "log" });
  const bundle = await chartBundle(spec);
  assertEquals(bundle[VEGALITE_MIME], spec);
  const png = Uint8Array.from(atob(String(bundle["image/png"])), (c) => c.charCodeAt(0));
  assertEquals([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], "a base64 PNG");
  assert(png.length > 5000, `a PNG with content, got ${png.length} bytes`);
  const svg = String(bundle["image/svg+xml"]);
  assert(svg.startsWith("<svg") && svg.includes("</svg>"), "an SVG document");
  assert(svg.includes("Loss"), "the title is drawn");
  assertEquals(bundle["text/plain"], (spec as { description: string }).description);
  assert(String(bundle["text/plain"]).startsWith("Line chart: Loss."), String(bundle["text/plain"]));
  assert((spec as { $schema: string }).$schema.includes("vega-lite/v5"), "v5 schema");
});

Deno.test("lineChart() drops rows a log axis cannot show instead of failing", () => {
  const spec = lineChart([{ x: 1, y: 0 }, { x: 2, y: 1 }, { x: 3, y: NaN }], {
    x: "x",
    y: "y",
    yScale: "log",
  });
  assertEquals((spec as unknown as { data: { values: unknown[] } }).data.values, [{ x: 2, y: 1 }]);
});

Deno.test("showChart() displays exactly one bundle with five representations", async () => {
  const spec = theoryVsMeasurement(rows, { theory: rows, x: "step", y: "loss" });
  const { bundles } = await captureDisplays(() => showChart(spec));
  assertEquals(bundles.length, 1);
  assertEquals(Object.keys(bundles[0]).sort(), [
    "application/vnd.vegalite.v5+json",
    "image/png",
    "image/svg+xml",
    "text/markdown",
    "text/plain",
  ]);
});

Deno.test("the Markdown of a chart is one <img> of its PNG at the chart's size, with the description as alt text", async () => {
  const spec = lineChart(rows, {
    x: "step",
    y: "loss",
    title: "Loss",
    description: 'Loss "halves" <each> $step$',
  });
  const bundle = await chartBundle(spec);
  const markdown = String(bundle["text/markdown"]);
  const png = String(bundle["image/png"]);
  const { width, height } = pngSize(Uint8Array.from(atob(png), (c) => c.charCodeAt(0)));
  const svg = String(bundle["image/svg+xml"]);
  const svgWidth = Number(svg.match(/^<svg[^>]* width="(\d+)"/)![1]);
  assertEquals(Math.round(width / PNG_SCALE), svgWidth, "the PNG is PNG_SCALE times the SVG's width");
  assertEquals(
    markdown,
    `<img src="data:image/png;base64,${png}" alt="Loss &quot;halves&quot; &lt;each&gt; &#36;step&#36;" ` +
      `width="${Math.round(width / PNG_SCALE)}" height="${Math.round(height / PNG_SCALE)}">`,
  );
  assertEquals(markdown.split("\n").length, 1, "one line: no Markdown block structure around it");
});

Deno.test("chartMetadata() gives the PNG the chart's own size, which the SVG states", async () => {
  const bundle = await chartBundle(lineChart(rows, { x: "step", y: "loss" }));
  const svg = String(bundle["image/svg+xml"]);
  const [, width, height] = svg.match(/^<svg[^>]* width="(\d+)" height="(\d+)"/)!.map(Number);
  assertEquals(chartMetadata(bundle), { "image/png": { width, height } });
});

Deno.test("pngSize() reads the IHDR chunk and refuses bytes that are not a PNG", () => {
  const png = renderPng(
    '<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20"><rect width="30" height="20"/></svg>',
  );
  assertEquals(pngSize(png), { width: 30 * PNG_SCALE, height: 20 * PNG_SCALE });
  assertThrows(
    () => pngSize(new TextEncoder().encode("GIF89a not a png at all")),
    RangeError,
    "pngSize: not a PNG",
  );
});

Deno.test("field names with . [ ] ' : draw the same marks as plain ones; \" is refused with the name", async () => {
  const marks = async (x: string, y: string, color: string) => {
    const data = rows.map((r) => ({ [x]: r.step, [y]: r.loss, [color]: r.run }));
    const svg = await renderSvg(lineChart(data, { x, y, color }));
    assert(!svg.includes("NaN"), `${y}: no NaN coordinates`);
    return (svg.match(/<path/g) ?? []).length;
  };
  const plain = await marks("step", "loss", "run");
  assertEquals(await marks("step.n", "loss[train]", "run's"), plain);
  assertEquals(await marks("t: step", "a.b[0]", "seed [x]"), plain);
  assertThrows(
    () => lineChart(rows, { x: "step", y: 'loss "train"' }),
    RangeError,
    'chart field "loss \\"train\\""',
  );
});

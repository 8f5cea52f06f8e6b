import { assert, assertEquals } from "../_assert.ts";
import { captureDisplays } from "../display.ts";
import { assertThrows } from "../_assert.ts";
import { chartBundle, lineChart, renderSvg, showChart, theoryVsMeasurement, VEGALITE_MIME } from "./mod.ts";

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

Deno.test("showChart() displays exactly one bundle with four representations", async () => {
  const spec = theoryVsMeasurement(rows, { theory: rows, x: "step", y: "loss" });
  const { bundles } = await captureDisplays(() => showChart(spec));
  assertEquals(bundles.length, 1);
  assertEquals(Object.keys(bundles[0]).sort(), [
    "application/vnd.vegalite.v5+json",
    "image/png",
    "image/svg+xml",
    "text/plain",
  ]);
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

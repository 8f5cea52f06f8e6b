import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { imageGrid } from "./image_grid.ts";
import { renderSvg } from "./render.ts";

type Layer = { data: { values: Record<string, number | string>[] } };

Deno.test("imageGrid() draws a frame per image, a rect per non-white pixel, rows of images, and captions", async () => {
  const images = Float64Array.from({ length: 5 * 6 }, (_, k) => 1 + (k % 3)); // five 2×3 images, no white pixel
  const spec = imageGrid(images, {
    height: 2,
    width: 3,
    columns: 2,
    labels: ["a", "b", "c", "d", "e"],
    title: "grid",
    domain: [0, 3],
  });
  const [frames, pixels, captions] = (spec as unknown as { layer: Layer[] }).layer;
  assertEquals(frames.data.values.length, 5);
  assertEquals(pixels.data.values.length, 30);
  assertEquals(captions.data.values.map((c) => c.label), ["a", "b", "c", "d", "e"]);
  // Image 2 starts the second row: its first pixel sits one image height (+ gap + caption) below image 0's.
  assertEquals(pixels.data.values[12].x, pixels.data.values[0].x);
  assert((pixels.data.values[12].y as number) > (pixels.data.values[0].y as number), "second row is lower");
  assertEquals(pixels.data.values[7].v, images[7]); // (values are rounded to 1e-3; these are integers)
  // Pixels at the white end of the scale are left out.
  const sparse = imageGrid(Float64Array.from([0, 1, 0, 0]), { height: 2, width: 2, domain: [0, 1] });
  assertEquals((sparse as unknown as { layer: Layer[] }).layer[1].data.values.length, 1);
  const svg = await renderSvg(spec);
  assert(svg.includes("grid") && svg.split("<path").length > 30, "renders the title and the pixels");
});

Deno.test("imageGrid() says what was wrong with the input", () => {
  assertThrows(
    () => imageGrid(new Float64Array(5), { height: 2, width: 2 }),
    RangeError,
    "whole images of 2×2 pixels, got 5",
  );
  assertThrows(
    () => imageGrid(new Float64Array(8), { height: 2, width: 2, labels: ["x"] }),
    RangeError,
    "one label per image (2)",
  );
});

/**
 * A grid of small greyscale images (e.g. 8×8 digits) as a Vega-Lite chart: one `rect` per pixel, an optional
 * caption above each image. Renders to SVG like every chart here, so GitHub shows it; white pixels are left out
 * and marks carry no ARIA labels, which keeps the SVG of 72 digits near 100 kB. Introduced in notebook 12.
 *
 * @module
 */
import { plainText } from "./plain_text.ts";
import type { VegaLiteSpec } from "./render.ts";

/** Options of {@linkcode imageGrid}. */
export interface ImageGridOptions {
  /** Image height and width in pixels; `height · width` pixels per image. */
  height: number;
  width: number;
  /** Images per row of the grid. Default: all in one row. */
  columns?: number;
  /** One caption per image (drawn above it). */
  labels?: string[];
  title?: string;
  /** Alt text: what the images show. Default: how many images of what size, in how many rows, and their captions. */
  description?: string;
  /** Screen size of one image pixel. Default 6. */
  pixelSize?: number;
  /** Grey scale: value shown white and value shown black. Default: the data's min and max. */
  domain?: [number, number];
}

const SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/**
 * Images `[n, height·width]` (flat, row-major, one image per row) as a grid chart, dark = large (values are
 * rounded to 1e-3 for display).
 *
 * @throws {RangeError} if `images` does not hold whole images or `labels` has the wrong length
 *
 * @example
 * ```ts
 * import { imageGrid } from "./image_grid.ts";
 * const spec = imageGrid(Float64Array.from([0, 1, 1, 0, 1, 0, 0, 1]), { height: 2, width: 2, labels: ["a", "b"] });
 * if (!("layer" in spec)) throw new Error("pixels and captions are two layers");
 * ```
 */
export function imageGrid(images: ArrayLike<number>, options: ImageGridOptions): VegaLiteSpec {
  const { height, width, pixelSize = 6 } = options, d = height * width;
  if (!(d > 0) || images.length === 0 || images.length % d !== 0) {
    throw new RangeError(
      `imageGrid: expected whole images of ${height}×${width} pixels, got ${images.length} values`,
    );
  }
  const n = images.length / d, columns = Math.min(options.columns ?? n, n), rows = Math.ceil(n / columns);
  if (options.labels && options.labels.length !== n) {
    throw new RangeError(`imageGrid: expected one label per image (${n}), got ${options.labels.length}`);
  }
  const caption = options.labels ? 2 : 0, cellW = width + 1, cellH = height + 1 + caption;
  let lo = Infinity, hi = -Infinity;
  for (let k = 0; k < images.length; k++) lo = Math.min(lo, images[k]), hi = Math.max(hi, images[k]);
  const [black0, black1] = options.domain ?? [lo, hi === lo ? lo + 1 : hi];
  // White pixels are not drawn (a frame marks each image): this halves the SVG of typical digits.
  const pixels: Record<string, number>[] = [], frames: Record<string, number>[] = [];
  const captions: Record<string, number | string>[] = [];
  for (let img = 0; img < n; img++) {
    const x0 = (img % columns) * cellW, y0 = Math.floor(img / columns) * cellH + caption;
    frames.push({ x: x0, x2: x0 + width, y: y0, y2: y0 + height });
    for (let i = 0; i < height; i++) {
      for (let j = 0; j < width; j++) {
        const v = images[img * d + i * width + j];
        if (v > black0) {
          pixels.push({ x: x0 + j, x2: x0 + j + 1, y: y0 + i, y2: y0 + i + 1, v: Math.round(v * 1e3) / 1e3 });
        }
      }
    }
    if (options.labels) captions.push({ x: x0 + width / 2, y: y0 - 0.4, label: options.labels[img] });
  }
  const W = columns * cellW, H = rows * cellH;
  const xScale = { domain: [0, W], nice: false, zero: false };
  const yScale = { domain: [0, H], nice: false, zero: false, reverse: true };
  const noAxis = { axis: null };
  const box = {
    x: { field: "x", type: "quantitative", scale: xScale, ...noAxis },
    x2: { field: "x2" },
    y: { field: "y", type: "quantitative", scale: yScale, ...noAxis },
    y2: { field: "y2" },
  };
  const layer: unknown[] = [{
    data: { values: frames },
    mark: { type: "rect", fill: "#ffffff", stroke: "#dddddd", strokeWidth: 0.5, aria: false },
    encoding: box,
  }, {
    data: { values: pixels },
    mark: { type: "rect", aria: false },
    encoding: {
      ...box,
      color: {
        field: "v",
        type: "quantitative",
        scale: { range: ["#ffffff", "#000000"], domain: [black0, black1], clamp: true },
        legend: null,
      },
    },
  }];
  if (options.labels) {
    layer.push({
      data: { values: captions },
      mark: { type: "text", fontSize: 9, baseline: "bottom", aria: false },
      encoding: {
        x: { field: "x", type: "quantitative", scale: xScale, ...noAxis },
        y: { field: "y", type: "quantitative", scale: yScale, ...noAxis },
        text: { field: "label", type: "nominal" },
      },
    });
  }
  const captionText = options.labels
    ? `, captioned ${options.labels.slice(0, 12).join(", ")}` +
      (n > 12 ? ` and ${n - 12} more` : "")
    : "";
  const description = options.description ??
    `Image grid${options.title ? `: ${plainText(options.title)}` : ""}. ${n} greyscale images of ` +
      `${height}×${width} pixels in ${rows} row${rows > 1 ? "s" : ""} of ${columns}${captionText}.`;
  return {
    $schema: SCHEMA,
    description,
    ...(options.title ? { title: plainText(options.title) } : {}),
    width: W * pixelSize,
    height: H * pixelSize,
    config: { view: { stroke: null } },
    layer,
  } as unknown as VegaLiteSpec;
}

/**
 * Render a Vega-Lite v5 spec to one display bundle that every viewer can show (DESIGN.md, "Vega-Lite"):
 *
 * - `application/vnd.vegalite.v5+json`: the spec, interactive in JupyterLab / Notebook 7 and on the website;
 * - `image/svg+xml`: rendered headlessly, the vector image, for viewers that rank SVG above Markdown and PNG;
 * - `image/png`: the SVG rasterized (lib/plot/raster.ts), for notebooks opened untrusted (Notebook 6 shows
 *   only text, LaTeX, PNG, JPEG and GIF then);
 * - `text/markdown`: one `<img>` of that PNG at the chart's size, alt text = the description. nbconvert ranks
 *   Markdown above SVG, and nbconvert 6.5 (Debian 12) passes inline SVG through an HTML cleaner that drops
 *   every SVG element (jupyter/nbconvert#1849, #1894), drawing a blank box; the `<img>` survives the cleaner.
 *   JupyterLab and Notebook 7 rank Vega-Lite (57) above Markdown (60), so they still draw the live chart;
 * - `text/plain`: the chart's description (alt text), for terminals and screen readers.
 *
 * @module
 */
import "./_quiet.ts";
import * as vega from "vega";
import * as vl from "vega-lite";
import { display, escapeHtml, type MimeBundle } from "../display.ts";
import { fallbackDescription } from "./description.ts";
import { base64, PNG_SCALE, pngSize, renderPng } from "./raster.ts";

/** A Vega-Lite v5 top-level spec. */
export type VegaLiteSpec = vl.TopLevelSpec;

/** MIME type JupyterLab 4 renders for Vega-Lite (v3–v5 only; v6 is not rendered). */
export const VEGALITE_MIME = "application/vnd.vegalite.v5+json";

/** The SVG of a spec, rendered without a browser. */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The spec with a `description` (alt text): its own, or one made from its title and marks. */
export function withDescription(spec: VegaLiteSpec): VegaLiteSpec {
  const own = (spec as { description?: unknown }).description;
  if (typeof own === "string" && own.trim() !== "") return spec;
  return {
    ...spec,
    description: fallbackDescription(spec as unknown as Record<string, unknown>),
  } as VegaLiteSpec;
}

/**
 * A chart's PNG as Markdown that nbconvert 6.5, Notebook 6 and every Markdown renderer draw alike: one
 * `<img>` with a data URL, shown at the chart's own size (the PNG has {@linkcode PNG_SCALE}× its pixels),
 * the description as alt text (`$` escaped so that no maths renderer reads it as TeX).
 */
export function markdownImage(png: Uint8Array, description: string): string {
  const { width, height } = pngSize(png);
  const alt = escapeHtml(description.replace(/\s+/g, " ").trim()).replace(/\$/g, "&#36;");
  return `<img src="data:image/png;base64,${base64(png)}" alt="${alt}" width="${
    Math.round(width / PNG_SCALE)
  }" height="${Math.round(height / PNG_SCALE)}">`;
}

/**
 * The display bundle of a spec: spec (with a description), SVG, PNG (base64), the PNG as a Markdown image,
 * and the description as text.
 *
 * @example
 * ```ts
 * import { chartBundle } from "./render.ts";
 * import { lineChart } from "./charts.ts";
 * const bundle = await chartBundle(lineChart([{ t: 0, v: 1 }, { t: 1, v: 2 }], { x: "t", y: "v" }));
 * if (!String(bundle["text/plain"]).startsWith("Line chart")) throw new Error("the description is the text");
 * ```
 */
export async function chartBundle(spec: VegaLiteSpec): Promise<MimeBundle> {
  const described = withDescription(spec);
  const description = (described as { description: string }).description;
  const svg = await renderSvg(described);
  const png = renderPng(svg, { scale: PNG_SCALE });
  return {
    [VEGALITE_MIME]: described,
    "image/svg+xml": svg,
    "image/png": base64(png),
    "text/markdown": markdownImage(png, description),
    "text/plain": description,
  };
}

/**
 * Output metadata that shows a chart bundle's PNG at the chart's size rather than at its
 * {@linkcode PNG_SCALE}× pixels (Notebook 6 opened untrusted shows the PNG).
 */
export function chartMetadata(bundle: MimeBundle): Record<string, unknown> {
  const png = Uint8Array.from(atob(String(bundle["image/png"])), (c) => c.charCodeAt(0));
  const { width, height } = pngSize(png);
  return { "image/png": { width: Math.round(width / PNG_SCALE), height: Math.round(height / PNG_SCALE) } };
}

/** Display a chart (interactive in JupyterLab, an image in nbconvert and older viewers, text in a terminal). */
export async function showChart(spec: VegaLiteSpec): Promise<void> {
  const bundle = await chartBundle(spec);
  await display(bundle, { metadata: chartMetadata(bundle) });
}

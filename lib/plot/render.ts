/**
 * Render a Vega-Lite v5 spec to one display bundle that every viewer can show (DESIGN.md, "Vega-Lite"):
 *
 * - `application/vnd.vegalite.v5+json`: the spec, interactive in JupyterLab / Notebook 7 and on the website;
 * - `image/svg+xml`: rendered headlessly, for GitHub and nbviewer;
 * - `image/png`: the SVG rasterized (lib/plot/raster.ts), for nbconvert before 7.7 and untrusted notebooks;
 * - `text/plain`: the chart's description (alt text), for terminals and screen readers.
 *
 * @module
 */
import "./_quiet.ts";
import * as vega from "vega";
import * as vl from "vega-lite";
import { display, type MimeBundle } from "../display.ts";
import { fallbackDescription } from "./description.ts";
import { base64, renderPng } from "./raster.ts";

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
 * The display bundle of a spec: spec (with a description), SVG, PNG (base64) and the description as text.
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
  const svg = await renderSvg(described);
  return {
    [VEGALITE_MIME]: described,
    "image/svg+xml": svg,
    "image/png": base64(renderPng(svg)),
    "text/plain": (described as { description: string }).description,
  };
}

/** Display a chart (interactive in Jupyter, SVG on GitHub, PNG in older viewers, text in a terminal). */
export async function showChart(spec: VegaLiteSpec): Promise<void> {
  await display(await chartBundle(spec));
}

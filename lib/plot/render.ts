/**
 * Render a Vega-Lite v5 spec to one display bundle: the spec for JupyterLab / Notebook 7
 * (`application/vnd.vegalite.v5+json`), a static SVG rendered headlessly for GitHub and nbviewer
 * (`image/svg+xml`), and `text/plain` (DESIGN.md, "Vega-Lite").
 *
 * @module
 */
import "./_quiet.ts";
import * as vega from "vega";
import * as vl from "vega-lite";
import { display, type MimeBundle } from "../display.ts";

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

function describe(spec: VegaLiteSpec): string {
  const title = (spec as { title?: unknown }).title;
  const text = typeof title === "string" ? title : (title as { text?: string } | undefined)?.text;
  return `<chart${text ? `: ${text}` : ""}>`;
}

/** The display bundle of a spec. */
export async function chartBundle(spec: VegaLiteSpec): Promise<MimeBundle> {
  return {
    [VEGALITE_MIME]: spec,
    "image/svg+xml": await renderSvg(spec),
    "text/plain": describe(spec),
  };
}

/** Display a chart (interactive in Jupyter, SVG on GitHub, text in a terminal). */
export async function showChart(spec: VegaLiteSpec): Promise<void> {
  await display(await chartBundle(spec));
}

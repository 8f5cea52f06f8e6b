/**
 * A code cell's outputs as HTML. Charts become a vega-embed target with the chart's PNG as the image shown
 * until (and unless) the interactive chart renders; claim records become the claim table; HTML tables are
 * kept; streams, errors and plain text become preformatted text.
 *
 * @module
 */
import { CLAIM_MIME } from "../../lib/mime.ts";
import { VEGALITE_MIME } from "../../lib/plot/render.ts";
import { PNG_SCALE, pngSize } from "../../lib/plot/raster.ts";
import { escapeHtml } from "../../lib/display.ts";
import type { Output } from "../notebook/nbformat.ts";
import { claimTable } from "./claim_table.ts";
import type { BookClaim } from "./course.ts";

/** Where a page's chart images go, and how the page links to them. */
export interface OutputContext {
  stem: string;
  /** Store an image; returns its href relative to the page. */
  saveImage(name: string, bytes: Uint8Array): string;
  /** Claims rendered so far on this page (for numbering their rows). */
  claimsSoFar: BookClaim[];
  reportHref: string;
  /** Charts on this page so far. */
  charts: number;
}

const text = (v: unknown): string => Array.isArray(v) ? v.join("") : String(v ?? "");
// deno-lint-ignore no-control-regex
const stripAnsi = (s: string): string => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");

function decodeBase64(b64: string): Uint8Array {
  return Uint8Array.from(atob(b64.replace(/\s+/g, "")), (c) => c.charCodeAt(0));
}

/** JSON safe inside a `<script>` element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(
    /\u2029/g,
    "\\u2029",
  );
}

function chart(data: Record<string, unknown>, ctx: OutputContext): string {
  const spec = data[VEGALITE_MIME] as Record<string, unknown>;
  const description = String(spec.description ?? text(data["text/plain"]));
  const n = ++ctx.charts;
  let fallback = "";
  if (typeof data["image/png"] === "string") {
    const bytes = decodeBase64(data["image/png"] as string);
    const { width, height } = pngSize(bytes);
    const href = ctx.saveImage(`${ctx.stem}-chart-${n}.png`, bytes);
    // The PNG has PNG_SCALE pixels per chart pixel (lib/plot/raster.ts): shown at the chart's own size.
    fallback = `<img class="chart-fallback" src="${href}" width="${Math.round(width / PNG_SCALE)}" height="${
      Math.round(height / PNG_SCALE)
    }" alt="${escapeHtml(description)}">`;
  } else if (typeof data["image/svg+xml"] === "string") {
    fallback = `<img class="chart-fallback" src="data:image/svg+xml;base64,${
      btoa(unescape(encodeURIComponent(text(data["image/svg+xml"]))))
    }" alt="${escapeHtml(description)}">`;
  }
  return `<figure class="chart" id="${ctx.stem}-chart-${n}"><div class="vega-target" role="img" aria-label="${
    escapeHtml(description)
  }"></div>${fallback}<script type="application/json" class="vega-spec">${scriptJson(spec)}</script>` +
    `<figcaption class="chart-description">${escapeHtml(description)}</figcaption></figure>`;
}

function rich(data: Record<string, unknown>, ctx: OutputContext): string {
  if (data[VEGALITE_MIME]) return chart(data, ctx);
  if (Array.isArray(data[CLAIM_MIME])) {
    const claims = data[CLAIM_MIME] as BookClaim[];
    const html = claimTable(ctx.stem, claims, { firstIndex: ctx.claimsSoFar.length });
    ctx.claimsSoFar.push(...claims);
    return html;
  }
  if (data["text/html"] !== undefined) return `<div class="output-html">${text(data["text/html"])}</div>`;
  if (typeof data["image/png"] === "string") {
    const bytes = decodeBase64(data["image/png"] as string);
    return `<img class="output-image" src="${
      ctx.saveImage(`${ctx.stem}-image-${++ctx.charts}.png`, bytes)
    }" alt="">`;
  }
  if (data["image/svg+xml"] !== undefined) {
    return `<div class="output-svg">${text(data["image/svg+xml"])}</div>`;
  }
  if (data["text/markdown"] !== undefined) {
    return `<pre class="output-text">${escapeHtml(text(data["text/markdown"]))}</pre>`;
  }
  if (data["text/plain"] !== undefined) {
    return `<pre class="output-text">${escapeHtml(text(data["text/plain"]))}</pre>`;
  }
  return "";
}

/** The HTML of one cell's outputs. */
export function renderOutputs(outputs: Output[], ctx: OutputContext): string {
  return outputs.map((o) => {
    switch (o.output_type) {
      case "stream":
        return `<pre class="output-stream ${o.name}">${escapeHtml(stripAnsi(text(o.text)))}</pre>`;
      case "error":
        return `<pre class="output-error">${
          escapeHtml(stripAnsi(o.traceback.join("\n") || `${o.ename}: ${o.evalue}`))
        }</pre>`;
      default:
        return rich(o.data, ctx);
    }
  }).join("\n");
}

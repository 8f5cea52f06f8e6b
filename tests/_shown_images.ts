/// <reference lib="dom" />
/**
 * What a page in Chromium shows of its chart images: for each `<img>` matching a selector, once decoded,
 * its alt text, pixel and shown size, and how much ink it has (tests/viewers_test.ts).
 *
 * @module
 */
import type { Page } from "puppeteer-core";
import { assert, assertEquals } from "../lib/_assert.ts";

/** One image as the browser shows it. */
export interface ShownImage {
  alt: string;
  naturalWidth: number;
  shownWidth: number;
  /** The width the page asks for: the `width` attribute. */
  widthAttribute: number;
  /** Share of pixels that are not near-white. */
  ink: number;
  /** Distinct colours (4 bits a channel) among the inked pixels: axes, text and marks give several. */
  colours: number;
}

/** The images matching `selector`, each decoded and measured by drawing it to a canvas. */
export async function shownImages(page: Page, selector: string): Promise<ShownImage[]> {
  return await page.evaluate(async (selector) => {
    const out = [];
    for (const img of [...document.querySelectorAll<HTMLImageElement>(selector)]) {
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let inked = 0;
      const colours = new Set<number>();
      for (let i = 0; i < px.length; i += 4) {
        if (px[i] < 235 || px[i + 1] < 235 || px[i + 2] < 235) {
          inked++;
          colours.add(((px[i] >> 4) << 8) | ((px[i + 1] >> 4) << 4) | (px[i + 2] >> 4));
        }
      }
      out.push({
        alt: img.alt,
        naturalWidth: img.naturalWidth,
        shownWidth: Math.round(img.getBoundingClientRect().width),
        widthAttribute: Number(img.getAttribute("width")),
        ink: inked / (px.length / 4),
        colours: colours.size,
      });
    }
    return out;
  }, selector);
}

/**
 * Every image is a drawn chart: decoded, shown at the width asked for (the chart's, not the PNG's 2×), with
 * ink and several colours on it; with `alt`, its alt text is the chart's description.
 */
export function assertDrawnCharts(shown: ShownImage[], count: number, options: { alt: boolean }): void {
  assertEquals(shown.length, count, "one image per chart");
  for (const [i, s] of shown.entries()) {
    const where = `chart ${i + 1} (${s.alt.slice(0, 60)}…)`;
    if (options.alt) assert(s.alt.length > 20, `${where}: alt text is the chart's description`);
    assert(s.naturalWidth >= 200, `${where}: the PNG decoded (${s.naturalWidth} px wide)`);
    assertEquals(s.shownWidth, s.widthAttribute, `${where}: shown at the chart's size`);
    assert(s.ink > 0.005 && s.ink < 0.9, `${where}: ${(100 * s.ink).toFixed(2)}% of pixels inked`);
    assert(s.colours >= 3, `${where}: ${s.colours} colours (axes, text and marks)`);
  }
}

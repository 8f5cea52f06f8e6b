/**
 * PNG of an SVG, rasterized with resvg (`@resvg/resvg-js`, a native Node-API build shipped inside the npm
 * package, so it installs from the npm registry alone and runs under Deno and Node alike). The PNG is the
 * image every viewer shows: nbconvert before 7.7 draws Vega's inline SVG as a blank box, and a notebook
 * opened untrusted hides SVG.
 *
 * @module
 */
// @ts-types="./_resvg.d.ts"
import { Resvg } from "@resvg/resvg-js";

/** Pixels per SVG pixel of chart PNGs: 2 keeps text sharp on high-density screens. */
export const PNG_SCALE = 2;

/** Options of {@linkcode renderPng}. */
export interface PngOptions {
  /** Pixels per SVG pixel. Default {@linkcode PNG_SCALE}. */
  scale?: number;
}

/**
 * The PNG bytes of `svg`, text drawn with the system's fonts (sans-serif → DejaVu Sans or Liberation Sans,
 * whichever is installed).
 *
 * @throws {Error} when `svg` is not an SVG document (resvg's message, with the first characters of `svg`)
 *
 * @example
 * ```ts
 * import { renderPng } from "./raster.ts";
 * const png = renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"><rect width="4" height="2"/></svg>');
 * if (png[1] !== 0x50 || png[2] !== 0x4e || png[3] !== 0x47) throw new Error("a PNG signature");
 * ```
 */
export function renderPng(svg: string, options: PngOptions = {}): Uint8Array {
  try {
    const image = new Resvg(svg, {
      fitTo: { mode: "zoom", value: options.scale ?? PNG_SCALE },
      background: "white",
      font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
    });
    return image.render().asPng();
  } catch (e) {
    throw new Error(
      `renderPng: resvg could not render ${JSON.stringify(svg.slice(0, 60))}…: ${(e as Error).message}`,
    );
  }
}

/**
 * Pixel size of a PNG, read from its IHDR chunk.
 *
 * @throws {RangeError} when `png` does not start with the PNG signature and an IHDR chunk
 */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const ihdr = [0x49, 0x48, 0x44, 0x52];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b) || ihdr.some((b, i) => png[12 + i] !== b)) {
    throw new RangeError(`pngSize: not a PNG (${png.length} bytes starting ${[...png.subarray(0, 8)]})`);
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Base64 of bytes, as Jupyter's `image/png` expects. */
export function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

// The part of @resvg/resvg-js that lib/plot/raster.ts uses. The package's own index.d.ts references
// @types/node, which would change the types of node:assert for every module type-checked alongside.
export interface ResvgRenderOptions {
  font?: { loadSystemFonts?: boolean; defaultFontFamily?: string; sansSerifFamily?: string };
  fitTo?: { mode: "zoom"; value: number } | { mode: "width"; value: number };
  background?: string;
}
export declare class Resvg {
  constructor(svg: string | Uint8Array, options?: ResvgRenderOptions);
  render(): { asPng(): Uint8Array; width: number; height: number };
}

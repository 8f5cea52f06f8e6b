/**
 * Charts: Vega-Lite v5 builders and a renderer that displays each chart as one bundle (spec + SVG + text).
 *
 * @module
 */
export {
  type ChartOptions,
  lineChart,
  type Row,
  type ScaleType,
  type TheoryOptions,
  theoryVsMeasurement,
  vegaField,
} from "./charts.ts";
export { chartBundle, renderSvg, showChart, VEGALITE_MIME, type VegaLiteSpec } from "./render.ts";
export { imageGrid, type ImageGridOptions } from "./image_grid.ts";

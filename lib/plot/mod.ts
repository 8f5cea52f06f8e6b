/**
 * Charts: Vega-Lite v5 builders and a renderer that displays each chart as one bundle (spec + SVG + PNG +
 * text), so that every viewer shows it: JupyterLab and the website interactively, GitHub, nbconvert and
 * untrusted notebooks as an image, terminals and screen readers as its description.
 *
 * @module
 */
export {
  type ChartOptions,
  lineChart,
  MAX_PLOT_WIDTH,
  type Row,
  type ScaleType,
  type TheoryOptions,
  theoryVsMeasurement,
  vegaField,
} from "./charts.ts";
export {
  chartBundle,
  chartMetadata,
  markdownImage,
  renderSvg,
  showChart,
  VEGALITE_MIME,
  type VegaLiteSpec,
  withDescription,
} from "./render.ts";
export { base64, PNG_SCALE, type PngOptions, pngSize, renderPng } from "./raster.ts";
export { type ChartSummary, describeChart, fallbackDescription, roundForText } from "./description.ts";
export { plainText, type PlainTextOptions } from "./plain_text.ts";
export { sliderChart, type SliderOptions, type SliderParam } from "./slider_chart.ts";
export { imageGrid, type ImageGridOptions } from "./image_grid.ts";

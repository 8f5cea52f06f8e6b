/**
 * Tables of metrics through nodejs-polars.
 *
 * @module
 */
export { type MetricRow, showTable, tableHtml, type TableOptions, tableText, toDataFrame } from "./table.ts";

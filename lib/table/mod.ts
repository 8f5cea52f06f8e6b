/**
 * Tables of metrics through nodejs-polars.
 *
 * @module
 */
export { type MetricRow, showTable, tableHtml, type TableOptions, toDataFrame } from "./table.ts";

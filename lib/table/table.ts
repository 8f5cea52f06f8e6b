/**
 * Metrics tables: rows of metrics → a polars DataFrame → one display (HTML for Jupyter, text elsewhere).
 *
 * @module
 */
import pl from "nodejs-polars";
import { display, escapeHtml } from "../display.ts";
import { fmt } from "../claims.ts";

/** One row of metrics. */
export type MetricRow = Record<string, number | string | boolean>;

/** A polars DataFrame from rows (numbers become Float64 columns). */
export function toDataFrame(rows: MetricRow[]): pl.DataFrame {
  if (rows.length === 0) throw new RangeError("toDataFrame: expected at least one row, got none");
  return pl.DataFrame(rows);
}

/** Options of {@linkcode showTable}. */
export interface TableOptions {
  /** Caption above the table. */
  title?: string;
}

function cell(v: unknown): string {
  return typeof v === "number" ? fmt(v) : String(v);
}

/** HTML for a DataFrame, numbers formatted to four significant digits. */
export function tableHtml(df: pl.DataFrame, options: TableOptions = {}): string {
  const cols = df.columns;
  const records = df.toRecords() as Record<string, unknown>[];
  const th = cols.map((c) => `<th style="padding:2px 8px;text-align:right">${escapeHtml(c)}</th>`).join("");
  const body = records.map((r) =>
    `<tr>${
      cols.map((c) => `<td style="padding:2px 8px;text-align:right">${escapeHtml(cell(r[c]))}</td>`).join("")
    }</tr>`
  ).join("");
  const caption = options.title
    ? `<caption style="text-align:left;font-weight:bold">${escapeHtml(options.title)}</caption>`
    : "";
  return `<table style="border-collapse:collapse;font-size:12px">${caption}<thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * Display rows (or a DataFrame) as a table and return the DataFrame.
 *
 * @example
 * ```ts
 * import { showTable } from "./table.ts";
 * const df = await showTable([{ width: 64, loss: 0.5 }, { width: 128, loss: 0.25 }]);
 * if (df.height !== 2) throw new Error("two rows");
 * ```
 */
export async function showTable(
  rows: MetricRow[] | pl.DataFrame,
  options: TableOptions = {},
): Promise<pl.DataFrame> {
  const df = Array.isArray(rows) ? toDataFrame(rows) : rows;
  await display({
    "text/html": tableHtml(df, options),
    "text/plain": (options.title ? options.title + "\n" : "") + df.toString(),
  });
  return df;
}

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

/**
 * A polars DataFrame from rows, one column per key in order of first appearance. A column whose values are
 * all whole numbers becomes Int64 (so widths and seeds print as `64`, not `64.0`), other numbers Float64,
 * strings Utf8, booleans Boolean; a row without the key gives a null.
 *
 * @throws {RangeError} when there are no rows, or a column mixes kinds of value (names the column and row)
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { toDataFrame } from "./table.ts";
 * const df = toDataFrame([{ width: 64, loss: 0.5 }, { width: 128, loss: 0.25 }]);
 * if (!df.getColumn("width").dtype.equals(pl.Int64)) throw new Error("whole numbers are Int64");
 * ```
 */
export function toDataFrame(rows: MetricRow[]): pl.DataFrame {
  if (rows.length === 0) throw new RangeError("toDataFrame: expected at least one row, got none");
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return pl.DataFrame(names.map((name) => column(name, rows.map((r) => r[name]))));
}

function column(name: string, values: (MetricRow[string] | undefined)[]): pl.Series {
  const present = values.map((v, row) => ({ v, row })).filter(({ v }) => v !== undefined && v !== null);
  const kind = present.length ? typeof present[0].v : "number";
  const odd = present.find(({ v }) => typeof v !== typeof present[0].v);
  if (odd) {
    throw new RangeError(
      `toDataFrame: column "${name}" mixes ${kind} and ${typeof odd.v} values (row ${odd.row}: ${
        JSON.stringify(odd.v)
      })`,
    );
  }
  const data = values.map((v) => v ?? null);
  if (kind === "string") return pl.Series(name, data, pl.Utf8);
  if (kind === "boolean") return pl.Series(name, data, pl.Bool);
  const whole = present.every(({ v }) => Number.isSafeInteger(v));
  return pl.Series(name, data, whole && present.length ? pl.Int64 : pl.Float64);
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

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
  if (v === null || v === undefined) return "";
  return typeof v === "number" ? fmt(v) : String(v);
}

/**
 * HTML for a DataFrame. Numbers are formatted by `fmt` (lib/claims.ts): integers exactly (11692, not 11690),
 * others to four significant digits, in exponent form when very small or large.
 */
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
 * Plain text for a DataFrame, formatted like {@linkcode tableHtml} (integers exactly, others to four
 * significant digits), columns right-aligned under their names, the title on the first line.
 *
 * @example
 * ```ts
 * import { tableText, toDataFrame } from "./table.ts";
 * const text = tableText(toDataFrame([{ steps: 11692, loss: 0.123456 }]), { title: "Run" });
 * if (!text.includes("11692") || !text.includes("0.1235")) throw new Error(text);
 * ```
 */
export function tableText(df: pl.DataFrame, options: TableOptions = {}): string {
  const cols = df.columns;
  const records = df.toRecords() as Record<string, unknown>[];
  const grid = [cols, ...records.map((r) => cols.map((c) => cell(r[c])))];
  const widths = cols.map((_, j) => Math.max(...grid.map((row) => [...row[j]].length)));
  const line = (row: string[]) => row.map((v, j) => v.padStart(widths[j])).join("  ");
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  const lines = [line(grid[0]), rule, ...grid.slice(1).map(line)];
  return (options.title ? options.title + "\n" : "") + lines.join("\n");
}

/**
 * Display rows (or a DataFrame) as a table: HTML in a notebook, aligned text elsewhere. Resolves to nothing,
 * so that a cell ending in `await showTable(…)` shows the table once (a returned DataFrame would be printed a
 * second time by the kernel). To keep the DataFrame, build it with {@linkcode toDataFrame} and pass it in.
 *
 * @example
 * ```ts
 * import { showTable, toDataFrame } from "./table.ts";
 * const df = toDataFrame([{ width: 64, loss: 0.5 }, { width: 128, loss: 0.25 }]);
 * await showTable(df, { title: "Widths" });
 * if (df.height !== 2) throw new Error("two rows");
 * ```
 */
export async function showTable(rows: MetricRow[] | pl.DataFrame, options: TableOptions = {}): Promise<void> {
  const df = Array.isArray(rows) ? toDataFrame(rows) : rows;
  await display({ "text/html": tableHtml(df, options), "text/plain": tableText(df, options) });
}

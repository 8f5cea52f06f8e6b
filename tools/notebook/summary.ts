/**
 * Console output of a run: one progress line per notebook, and a summary table.
 *
 * @module
 */
import type { NotebookResult } from "./runner.ts";

const MARK: Record<NotebookResult["status"], string> = {
  "passed": "ok  ",
  "claims-failed": "FAIL",
  "checks-failed": "FAIL",
  "no-claims": "FAIL",
  "cell-error": "ERR ",
  "invalid": "BAD ",
  "runner-error": "ERR ",
};

/** One line per finished notebook. */
export function progressLine(r: NotebookResult): string {
  const passed = r.claims.filter((c) => c.passed).length;
  const checks = r.checks.length
    ? `  checks ${r.checks.filter((c) => c.passed).length}/${r.checks.length}`
    : "";
  const base =
    `${MARK[r.status]} ${r.path}  ${r.seconds.toFixed(1)} s  claims ${passed}/${r.claims.length}${checks}` +
    (r.backend ? `  [${r.backend}]` : "");
  return r.status === "passed" ? base : `${base}\n     ${r.message}`;
}

/** The summary table printed at the end of a run. */
export function summaryTable(results: NotebookResult[]): string {
  const rows = results.map((r) => [
    r.path,
    r.status,
    `${r.seconds.toFixed(1)} s`,
    `${r.claims.filter((c) => c.passed).length}`,
    `${r.claims.filter((c) => !c.passed).length}`,
    r.checks.length ? `${r.checks.filter((c) => c.passed).length}/${r.checks.length}` : "-",
  ]);
  const head = ["notebook", "status", "wall", "claims ok", "claims failed", "checks ok"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  const ok = results.filter((r) => r.status === "passed").length;
  const claimsOk = results.reduce((a, r) => a + r.claims.filter((c) => c.passed).length, 0);
  const claimsBad = results.reduce((a, r) => a + r.claims.filter((c) => !c.passed).length, 0);
  return [
    line(head),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
    `${ok} of ${results.length} notebooks passed; claims: ${claimsOk} passed, ${claimsBad} failed`,
  ].join("\n");
}

/**
 * The reproducibility report of a course build: every claim with its notebook, predicted and measured value,
 * tolerance, pass/fail and citation, plus per-notebook status, wall time and backend — as Markdown, HTML
 * and JSON.
 *
 * @module
 */
import type { NotebookResult } from "./runner.ts";
import { fmt } from "../../lib/claims.ts";
import { escapeHtml } from "../../lib/display.ts";

/** Facts about the run printed at the top of the report. */
export interface RunInfo {
  startedAt: string;
  wallSeconds: number;
  /** Seconds until the Jupyter server answered. */
  serverStartSeconds: number;
  jobs: number;
  deno: string;
  cores: number;
  parameters: Record<string, unknown>;
}

function notebookRows(results: NotebookResult[]): string[][] {
  return results.map((r) => [
    r.path,
    r.status,
    `${r.seconds.toFixed(1)} s`,
    `${r.kernelStartSeconds.toFixed(2)} s`,
    r.backend || "-",
    `${r.claims.filter((c) => c.passed).length}/${r.claims.length}`,
    r.message,
  ]);
}

function claimRows(results: NotebookResult[]): string[][] {
  return results.flatMap((r) =>
    r.claims.map((c) => [
      c.passed ? "✓" : "✗",
      r.path.split("/").pop()!.replace(/\.ipynb$/, ""),
      c.name,
      fmt(c.predicted),
      fmt(c.measured) + (c.unit ? ` ${c.unit}` : ""),
      c.rule,
      c.citation,
    ])
  );
}

const NB_HEAD = ["notebook", "status", "wall", "kernel start", "backend", "claims", "note"];
const CLAIM_HEAD = ["", "notebook", "claim", "predicted", "measured", "tolerance", "source"];

function mdTable(head: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`),
  ]
    .join("\n");
}

function htmlTable(head: string[], rows: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${
    rows.map((r) =>
      `<tr class="${r[0] === "✗" || r[1] === "failed" ? "bad" : ""}">${
        r.map((c) => `<td>${escapeHtml(c)}</td>`).join("")
      }</tr>`
    )
      .join("")
  }</tbody></table>`;
}

function summary(results: NotebookResult[], info: RunInfo): string {
  const claims = results.flatMap((r) => r.claims);
  const ok = claims.filter((c) => c.passed).length;
  return `${results.filter((r) => r.status === "passed").length} of ${results.length} notebooks passed; ` +
    `${ok} of ${claims.length} claims reproduced. Wall time ${
      info.wallSeconds.toFixed(1)
    } s with ${info.jobs} ` +
    `notebook(s) at a time on ${info.cores} cores; Jupyter server up in ${
      info.serverStartSeconds.toFixed(1)
    } s; ` +
    `Deno ${info.deno}; started ${info.startedAt}` +
    (Object.keys(info.parameters).length ? `; parameters ${JSON.stringify(info.parameters)}` : "") + ".";
}

/** The report as Markdown. */
export function reportMarkdown(results: NotebookResult[], info: RunInfo): string {
  return [
    "# Reproducibility report",
    "",
    summary(results, info),
    "",
    "## Notebooks",
    "",
    mdTable(NB_HEAD, notebookRows(results)),
    "",
    "## Claims",
    "",
    mdTable(CLAIM_HEAD, claimRows(results)),
    "",
  ].join("\n");
}

/**
 * Link each notebook named in the report to its page on the course website (`deno task book` writes it to
 * `book/` beside this report, and copies the report into the site with these links made site-relative).
 */
function linkNotebooks(html: string): string {
  return html
    .replace(/<td>(notebooks\/(\d{2}_[\w-]+)\.ipynb)<\/td>/g, '<td><a href="book/$2.html">$1</a></td>')
    .replace(/<td>(\d{2}_[\w-]+)<\/td>/g, '<td><a href="book/$1.html#run-claims">$1</a></td>');
}

/** The report as a standalone HTML page. */
export function reportHtml(results: NotebookResult[], info: RunInfo): string {
  return linkNotebooks(
    `<!doctype html><html><head><meta charset="utf-8"><title>Learning Mechanics: reproducibility report</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;font-size:13px}
td,th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}tr.bad{background:#ffebe9}</style>
</head><body><h1>Reproducibility report</h1><p><a href="book/index.html">Read the course</a> (website: <code>deno task book</code>)</p>
<p>${escapeHtml(summary(results, info))}</p>
<h2>Notebooks</h2>${htmlTable(NB_HEAD, notebookRows(results))}
<h2>Claims</h2>${htmlTable(CLAIM_HEAD, claimRows(results))}</body></html>
`,
  );
}

/** Write report.md, report.html and claims.json into `dir`. */
export async function writeReport(dir: string, results: NotebookResult[], info: RunInfo): Promise<string[]> {
  await Deno.mkdir(dir, { recursive: true });
  const files = [`${dir}/report.md`, `${dir}/report.html`, `${dir}/claims.json`];
  await Deno.writeTextFile(files[0], reportMarkdown(results, info));
  await Deno.writeTextFile(files[1], reportHtml(results, info));
  await Deno.writeTextFile(files[2], JSON.stringify({ info, results }, null, 2) + "\n");
  return files;
}

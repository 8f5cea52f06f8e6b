/**
 * The reproducibility report of a course build: every claim with its notebook, predicted and measured value,
 * tolerance, pass/fail and citation, plus per-notebook status, wall time and backend — as Markdown, HTML
 * and JSON.
 *
 * @module
 */
import type { NotebookResult } from "./runner.ts";
import { type ClaimRecord, fmt } from "../../lib/claims.ts";
import { closeness, verdict } from "../../lib/_claim_table.ts";
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

/** The rival that came closest, and how far it missed: "2κ (4.2 bands)". */
function nearestRival(c: ClaimRecord): [string, string] {
  if (!c.rivals?.length) return [c.noRival ? `none but arithmetic (${c.noRival})` : "none named", "-"];
  const nearest = c.rivals.reduce((a, b) => (b.resolution < a.resolution ? b : a));
  const unit = c.kind === "prediction" ? "bands" : "of the bound";
  const miss = c.kind === "prediction" ? fmt(nearest.resolution) : `${fmt(100 * nearest.resolution)}%`;
  return [
    c.rivals.map((r) => `${r.name} = ${fmt(r.predicted)}${r.passed ? " (PASSES)" : ""}`).join("; "),
    `${miss} ${unit}`,
  ];
}

function claimRows(results: NotebookResult[]): string[][] {
  return results.flatMap((r) =>
    r.claims.map((c) => [
      verdict(c),
      r.path.split("/").pop()!.replace(/\.ipynb$/, ""),
      c.name,
      c.kind,
      (c.kind === "bound" ? "bound " : "") + fmt(c.predicted),
      fmt(c.measured) + (c.unit ? ` ${c.unit}` : ""),
      c.rule,
      closeness(c),
      ...nearestRival(c),
      c.citation,
    ])
  );
}

const NB_HEAD = ["notebook", "status", "wall", "kernel start", "backend", "claims", "note"];
const CLAIM_HEAD = [
  "",
  "notebook",
  "claim",
  "kind",
  "theory",
  "measured",
  "tolerance",
  "how close",
  "rivals",
  "nearest rival missed by",
  "source",
];

/** What the claim table's columns mean, printed above it. */
const COLUMNS = "A *prediction* is two-sided: it passes when |measured − predicted| lies within its band " +
  "(rel·|predicted| or abs); *how close* is the share of the band used (≤ 1 passes). A *bound* is one-sided: " +
  "*theory* is the bound, and *how close* is how far beyond it the measurement lies. Every claim names " +
  "rivals, wrong theories or null models judged by the same rule, which must fail: for a prediction, the " +
  "rival's distance from the measurement in bands (> 1 fails); for a bound, how far the rival's own value lies " +
  "on the wrong side of the bound. A claim whose rival passes does not discriminate, and fails.";

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
      `<tr class="${r[0].startsWith("✗") || r[1] === "failed" ? "bad" : ""}">${
        r.map((c) => `<td>${escapeHtml(c)}</td>`).join("")
      }</tr>`
    )
      .join("")
  }</tbody></table>`;
}

function summary(results: NotebookResult[], info: RunInfo): string {
  const claims = results.flatMap((r) => r.claims);
  const ok = claims.filter((c) => c.passed).length;
  const kinds = ["prediction", "bound"].map((k) => {
    const of = claims.filter((c) => c.kind === k);
    return `${of.length} ${k}s (${of.filter((c) => c.passed).length} passed)`;
  });
  const named = claims.filter((c) => c.rivals?.length).length;
  const setups = results.reduce((a, r) => a + (r.setup?.length ?? 0), 0);
  return `${results.filter((r) => r.status === "passed").length} of ${results.length} notebooks passed; ` +
    `${ok} of ${claims.length} claims reproduced: ${kinds.join(", ")}; ${named} name rivals, ` +
    `${claims.filter((c) => c.rivals?.some((x) => x.passed)).length} do not discriminate; ` +
    `${setups} setup checks (not counted as claims). Wall time ${
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
    COLUMNS.replace(/\|/g, "\\|"),
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
<h2>Claims</h2><p>${escapeHtml(COLUMNS).replace(/\*([^*]+)\*/g, "<em>$1</em>")}</p>${
      htmlTable(CLAIM_HEAD, claimRows(results))
    }</body></html>
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

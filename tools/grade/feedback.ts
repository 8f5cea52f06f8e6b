/**
 * The per-student feedback files, `feedback/<submission>.md` and `.html`: score, each check with its points,
 * message and output, the instructor's adjustments, and the problems the grader found. The instructor-only
 * flags stay in the gradebook.
 *
 * Everything that can come from the student (messages of their errors, printed output, file names) is escaped:
 * in Markdown every character that could start markup is backslash-escaped (and a leading `#`, `-`, `+`, `=` or `1.`) and `<`, `>`, `&`
 * become entities; output goes in a fence longer than any backtick run in it; in HTML everything is
 * entity-escaped. A hidden check's message and its cell's output are not shown (they would reveal its inputs).
 *
 * @module
 */
import { points } from "./csv.ts";
import type { CheckOutcome, SubmissionResult } from "./submission.ts";

const STATUS: Record<SubmissionResult["status"], string> = {
  "graded": "graded",
  "stopped": "graded until a cell stopped the notebook",
  "invalid": "not graded: the file is not a notebook",
  "wrong-assignment": "not graded: notebook of another assignment",
  "grader-error": "not scored: the grader failed (not your fault; your instructor will grade it again)",
};

/** Inline Markdown text: one line, no markup, no HTML. */
export function mdText(text: string): string {
  return text.replace(/\s*\n\s*/g, " ")
    .replace(/[\\`*_{}\[\]|~]/g, (c) => `\\${c}`)
    .replace(/[<>&]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;" })[c]!)
    .replace(/^(\s*)([#+=-])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
}

/** HTML text. */
export function htmlText(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = "`".repeat(longest + 1);
  return `${f}text\n${text}\n${f}`;
}

/** The message a student sees for a check (a hidden check's failure says what kind, not on what). */
export function visibleMessage(c: CheckOutcome): string {
  if (!c.hidden || c.passed) return c.message;
  if (/is not implemented yet|^not (run|graded|scored)/.test(c.message)) return c.message;
  const raised = /^your code raised (\w+)/.exec(c.message);
  return raised
    ? `your code raised ${raised[1]} on this hidden check's inputs (not shown)`
    : "wrong answer on this hidden check's inputs (not shown; they change at every grading)";
}

/** What the check cell printed besides the check lines; "" for a cell that runs hidden checks. */
function extraOutput(c: CheckOutcome, r: SubmissionResult): string {
  const sameCellHidden = r.checks.some((o) => o.hidden && o.output === c.output && o.output !== "");
  if (c.hidden || sameCellHidden) return "";
  return c.output.trim();
}

const score = (r: SubmissionResult) =>
  r.status === "grader-error" ? "not scored" : `${points(r.total)} / ${points(r.possible)} points`;

/** The feedback Markdown for one submission. */
export function feedbackMarkdown(r: SubmissionResult, options: { student?: string } = {}): string {
  const who = options.student ? `${mdText(options.student)} · ` : "";
  const lines: string[] = [
    `# Feedback · ${mdText(r.assignment)} · ${who}${mdText(r.id)}`,
    "",
    `**Score: ${score(r)}** (${STATUS[r.status]})`,
    "",
    "| check | points | result | message |",
    "|---|---|---|---|",
    ...r.checks.map((c) =>
      `| ${mdText(c.name)}${c.hidden ? " (hidden)" : ""} | ${points(c.earned)}/${points(c.points)} | ${
        c.passed ? "✓ pass" : "✗ fail"
      }${c.override ? " (adjusted)" : ""} | ${mdText(visibleMessage(c))} |`
    ),
    "",
  ];
  const adjusted = r.checks.filter((c) => c.override);
  if (adjusted.length) {
    lines.push("## Adjusted by your instructor", "");
    for (const c of adjusted) {
      lines.push(`- ${mdText(c.name)}: ${points(c.override!.points)} points. ${mdText(c.override!.comment)}`);
    }
    lines.push("");
  }
  if (r.problems.length) lines.push("## Problems", "", ...r.problems.map((p) => `- ${mdText(p)}`), "");
  lines.push("## Checks", "");
  for (const c of r.checks) {
    lines.push(
      `### ${mdText(c.name)}${c.hidden ? " (hidden)" : ""} · ${points(c.earned)}/${points(c.points)}`,
      "",
      mdText(visibleMessage(c)),
      "",
    );
    const extra = extraOutput(c, r);
    if (extra) lines.push("Output of the check cell:", "", fence(extra), "");
  }
  return lines.join("\n");
}

/** The feedback as a standalone HTML page. */
export function feedbackHtml(r: SubmissionResult, options: { student?: string } = {}): string {
  const h = htmlText;
  const rows = r.checks.map((c) =>
    `<tr><td>${h(c.name)}${c.hidden ? " (hidden)" : ""}</td><td>${points(c.earned)}/${
      points(c.points)
    }</td>` +
    `<td class="${c.passed ? "pass" : "fail"}">${c.passed ? "✓ pass" : "✗ fail"}${
      c.override ? " (adjusted)" : ""
    }</td>` +
    `<td>${h(visibleMessage(c))}</td></tr>`
  ).join("\n");
  const adjusted = r.checks.filter((c) => c.override).map((c) =>
    `<li>${h(c.name)}: ${points(c.override!.points)} points. ${h(c.override!.comment)}</li>`
  ).join("\n");
  const outputs = r.checks.map((c) => [c, extraOutput(c, r)] as const).filter(([, o]) => o).map(([c, o]) =>
    `<h3>${h(c.name)}</h3><pre>${h(o)}</pre>`
  ).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Feedback · ${h(r.assignment)} · ${h(options.student ?? r.id)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}table{border-collapse:collapse}
.pass{color:#1a7f37}.fail{color:#cf222e}pre{background:#f6f8fa;padding:.5rem;overflow:auto;white-space:pre-wrap}</style>
</head><body>
<h1>Feedback · ${h(r.assignment)} · ${options.student ? `${h(options.student)} · ` : ""}${h(r.id)}</h1>
<p><b>Score: ${score(r)}</b> (${h(STATUS[r.status])})</p>
<table><tr><th>check</th><th>points</th><th>result</th><th>message</th></tr>
${rows}
</table>
${adjusted ? `<h2>Adjusted by your instructor</h2><ul>\n${adjusted}\n</ul>` : ""}
${
    r.problems.length
      ? `<h2>Problems</h2><ul>\n${r.problems.map((p) => `<li>${h(p)}</li>`).join("\n")}\n</ul>`
      : ""
  }
${outputs ? `<h2>Output of the check cells</h2>\n${outputs}` : ""}
</body></html>
`;
}

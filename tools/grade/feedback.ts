/**
 * The per-student feedback file (Markdown): score, each check with its points, message and output, and the
 * problems the grader found. The instructor-only flags stay in the gradebook.
 *
 * @module
 */
import type { SubmissionResult } from "./submission.ts";

const STATUS: Record<SubmissionResult["status"], string> = {
  "graded": "graded",
  "stopped": "graded until a cell stopped the notebook",
  "invalid": "not graded: the file is not a notebook",
  "wrong-assignment": "not graded: notebook of another assignment",
  "grader-error": "not graded: the grader failed (not your fault; tell your instructor)",
};

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = "`".repeat(longest + 1);
  return `${f}text\n${text}\n${f}`;
}

/** The feedback Markdown for one submission. */
export function feedbackMarkdown(r: SubmissionResult): string {
  const lines: string[] = [
    `# Feedback · ${r.assignment} · ${r.id}`,
    "",
    `**Score: ${r.total} / ${r.possible} points** (${STATUS[r.status]})`,
    "",
    "| check | points | result | message |",
    "|---|---|---|---|",
    ...r.checks.map((c) =>
      `| ${cell(c.name)}${c.hidden ? " (hidden)" : ""} | ${c.earned}/${c.points} | ${
        c.passed ? "✓ pass" : "✗ fail"
      } | ${cell(c.message)} |`
    ),
    "",
  ];
  if (r.problems.length) {
    lines.push("## Problems", "", ...r.problems.map((p) => `- ${p}`), "");
  }
  lines.push("## Checks", "");
  for (const c of r.checks) {
    lines.push(`### ${c.name}${c.hidden ? " (hidden)" : ""} · ${c.earned}/${c.points}`, "", c.message, "");
    // The check's own PASS/FAIL line repeats the message: show the output only when there is more.
    const extra = c.output.split("\n").filter((l) => !/^[✓✗] (PASS|FAIL) {2}/.test(l)).join("\n").trim();
    if (extra) lines.push("Output of the check cell:", "", fence(c.output), "");
  }
  return lines.join("\n");
}

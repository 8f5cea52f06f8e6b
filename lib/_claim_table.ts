/**
 * How claims look in a notebook: an HTML table and a plain-text form (lib/claims.ts).
 *
 * Columns: the verdict; the claim; its kind; the measured value; the theory's value (the predicted value of a
 * prediction, the bound of a bound); the tolerance; how close (a prediction: the share of its tolerance band
 * the measurement used, passing at ≤ 1; a bound: how far beyond the bound the measurement lies); each rival
 * with its value and how far it missed (in units of the band, or of the bound); the source.
 *
 * @module
 */
import { escapeHtml } from "./display.ts";
import { type ClaimRecord, fmt, type RivalRecord, type SetupRecord } from "./claims.ts";

/** "✓ PASS", "✗ FAIL", "✗ DIVERGED", "✗ DOES NOT DISCRIMINATE" or "✗ NO RIVAL NAMED". */
export function verdict(r: ClaimRecord): string {
  if (r.diverged) return "✗ DIVERGED";
  if (!r.held) return "✗ FAIL";
  if (r.passed) return "✓ PASS";
  return r.rivals.length ? "✗ DOES NOT DISCRIMINATE" : "✗ NO RIVAL NAMED";
}

/** "0.42 of band" for a prediction, "+37% beyond" for a bound, "diverged at step k (loss …)". */
export function closeness(r: ClaimRecord): string {
  if (r.diverged) return `diverged at step ${r.diverged.step} (loss ${fmt(r.diverged.loss)})`;
  if (!Number.isFinite(r.measured)) return "no number measured (NaN or infinite): did the run diverge?";
  if (r.toleranceUsed !== null) return `${fmt(r.toleranceUsed)} of band`;
  const m = r.margin ?? NaN;
  return r.predicted === 0 ? `${fmt(m)} beyond` : `${m >= 0 ? "+" : ""}${fmt(100 * m)}% beyond`;
}

/** One rival in words: `2κ = 1.31, missed by 4.2 bands` or `… PASSES (does not discriminate)`. */
export function rivalText(r: RivalRecord, kind: ClaimRecord["kind"]): string {
  const miss = kind === "prediction"
    ? `missed by ${fmt(r.resolution)} bands`
    : `${fmt(100 * r.resolution)}% on the wrong side of the bound`;
  return `${r.name} = ${fmt(r.predicted)}, ${r.passed ? "PASSES (the claim cannot tell it apart)" : miss}`;
}

function rivalsCell(r: ClaimRecord): string {
  if (r.rivals.length) return r.rivals.map((x) => rivalText(x, r.kind)).join("; ");
  return r.noRival ? `none but arithmetic: ${r.noRival}` : "none named";
}

const STYLE = "border-collapse:collapse;font-family:ui-monospace,monospace;font-size:12px";
const HEAD = [
  "",
  "claim",
  "kind",
  "measured",
  "theory",
  "tolerance",
  "how close",
  "rivals (must fail)",
  "source",
];

/** The claims as an HTML table. */
export function claimsHtml(records: ClaimRecord[]): string {
  const rows = records.map((r) => {
    const ok = r.passed;
    const mark = `<span style="color:${ok ? "#1a7f37" : "#cf222e"};font-weight:bold">${verdict(r)}</span>`;
    const cells = [
      escapeHtml(r.name),
      r.kind,
      fmt(r.measured) + (r.unit ? ` ${r.unit}` : ""),
      (r.kind === "bound" ? "bound " : "") + fmt(r.predicted),
      r.rule,
      closeness(r),
      rivalsCell(r),
      r.citation,
    ].map(escapeHtml);
    const bg = ok ? "" : ` style="background:#ffebe9"`;
    return `<tr${bg}>${
      [mark, ...cells].map((c) => `<td style="padding:2px 8px;text-align:left;vertical-align:top">${c}</td>`)
        .join("")
    }</tr>`;
  });
  return `<table style="${STYLE}"><thead><tr>${
    HEAD.map((h) => `<th style="padding:2px 8px;text-align:left">${h}</th>`).join("")
  }</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** The claims as plain text, one paragraph per claim. */
export function claimsText(records: ClaimRecord[]): string {
  return records.map((r) =>
    `${verdict(r)}  ${r.name} (${r.kind}): measured ${fmt(r.measured)}${r.unit ? ` ${r.unit}` : ""}, ` +
    `${r.kind === "bound" ? "bound" : "predicted"} ${fmt(r.predicted)} (${r.rule}; ${closeness(r)}) — ` +
    `${r.citation}\n    rivals: ${rivalsCell(r)}`
  ).join("\n");
}

/** A setup check as one HTML line. */
export function setupHtml(s: SetupRecord): string {
  const color = s.holds ? "#57606a" : "#cf222e";
  return `<div style="font-family:ui-monospace,monospace;font-size:12px;color:${color}">setup check ${
    s.holds ? "✓" : "✗"
  } ${escapeHtml(s.name)}: ${escapeHtml(s.detail)} <i>(a condition of the experiment, not a claim)</i></div>`;
}

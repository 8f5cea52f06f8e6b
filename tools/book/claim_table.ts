/**
 * A notebook's claims as an HTML table: status, claim, kind (prediction or bound), predicted, measured,
 * tolerance, source, and the rival predictions each claim was tested against. `kind`, `rivals` and
 * `discriminates` are shown when claims.json has them; older records show without them.
 *
 * @module
 */
import { fmt } from "../../lib/claims.ts";
import { escapeHtml } from "../../lib/display.ts";
import type { BookClaim } from "./course.ts";

/** The id of a claim's row, for links from elsewhere (`#claim-…`). */
export function claimId(stem: string, index: number): string {
  return `claim-${stem.slice(0, 2)}-${index + 1}`;
}

/** How far a rival missed, in the claim's terms: bands away (prediction), share beyond the bound (bound). */
function miss(claim: BookClaim, resolution: number | undefined): string {
  if (typeof resolution !== "number" || !Number.isFinite(resolution)) return "";
  return claim.kind === "bound"
    ? `${fmt(100 * resolution)}% beyond the bound`
    : `${fmt(resolution)} band${resolution === 1 ? "" : "s"} away`;
}

function rivalsCell(claim: BookClaim): string {
  if (!claim.rivals?.length) {
    if (claim.noRival) return `none but arithmetic: ${escapeHtml(claim.noRival)}`;
    return claim.discriminates === undefined ? "" : "none named";
  }
  const items = claim.rivals.map((r) => {
    const how = miss(claim, r.resolution);
    return `<li class="${r.passed ? "rival-fits" : "rival-out"}">${escapeHtml(r.name)}: ${
      escapeHtml(fmt(r.predicted))
    } ${r.passed ? "(also within tolerance" : "(ruled out"}${how ? `, ${escapeHtml(how)}` : ""})</li>`;
  });
  return `<ul class="rivals">${items.join("")}</ul>`;
}

function kindCell(claim: BookClaim): string {
  const kind = claim.kind
    ? `<span class="kind kind-${escapeHtml(claim.kind)}">${escapeHtml(claim.kind)}</span>`
    : "";
  const tag = claim.discriminates === true
    ? ' <span class="discriminates" title="the measurement tells this theory from its rivals">discriminates</span>'
    : claim.discriminates === false
    ? ' <span class="not-discriminating" title="a rival predicts the same">does not discriminate</span>'
    : "";
  return kind + tag;
}

/** The table of `claims` (an empty string when there are none). */
export function claimTable(
  stem: string,
  claims: BookClaim[],
  options: { reportHref?: string; firstIndex?: number; anchors?: boolean } = {},
): string {
  if (claims.length === 0) return "";
  const withKinds = claims.some((c) => c.kind !== undefined || c.discriminates !== undefined);
  const withRivals = claims.some((c) => c.rivals !== undefined);
  const head = [
    "",
    "claim",
    ...(withKinds ? ["kind"] : []),
    "predicted",
    "measured",
    "tolerance",
    ...(withRivals ? ["rivals"] : []),
    "source",
  ];
  const rows = claims.map((c, i) => {
    const cells = [
      c.passed ? '<span class="pass">✓</span>' : '<span class="fail">✗</span>',
      escapeHtml(c.name),
      ...(withKinds ? [kindCell(c)] : []),
      escapeHtml(fmt(c.predicted)),
      escapeHtml(fmt(c.measured) + (c.unit ? ` ${c.unit}` : "")),
      escapeHtml(c.rule),
      ...(withRivals ? [rivalsCell(c)] : []),
      escapeHtml(c.citation),
    ];
    const id = options.anchors === false ? "" : ` id="${claimId(stem, (options.firstIndex ?? 0) + i)}"`;
    return `<tr${id} class="${c.passed ? "" : "bad"}">${cells.map((x) => `<td>${x}</td>`).join("")}</tr>`;
  });
  const report = options.reportHref
    ? `<p class="report-link">All claims of the course: <a href="${options.reportHref}">reproducibility report</a>.</p>`
    : "";
  return `<div class="table-wrap"><table class="claims"><thead><tr>${
    head.map((h) => `<th>${h}</th>`).join("")
  }</tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table></div>${report}`;
}

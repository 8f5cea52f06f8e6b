/**
 * The website's front page: what the course is, the course map (every notebook, what it reproduces, its
 * claims), and a summary of the claims of the last run with a link to the reproducibility report.
 *
 * @module
 */
import { escapeHtml } from "../../lib/display.ts";
import type { BookCourse } from "./course.ts";
import { page } from "./layout.ts";
import type { courseMarkdown } from "./markdown.ts";
import { label, pageOf, sideNav } from "./notebook_page.ts";

function claimCounts(course: BookCourse) {
  const claims = course.notebooks.flatMap((nb) => nb.result?.claims ?? []);
  return {
    total: claims.length,
    passed: claims.filter((c) => c.passed).length,
    predictions: claims.filter((c) => c.kind === "prediction").length,
    bounds: claims.filter((c) => c.kind === "bound").length,
    discriminating: claims.filter((c) => c.discriminates === true).length,
    withRivals: claims.filter((c) => (c.rivals?.length ?? 0) > 0).length,
    withKinds: claims.some((c) => c.kind !== undefined),
  };
}

/** The front page's HTML. */
export function indexPage(course: BookCourse, md: ReturnType<typeof courseMarkdown>): string {
  const counts = claimCounts(course);
  const rows = course.notebooks.map((nb) => {
    const claims = nb.result?.claims ?? [];
    const ok = claims.filter((c) => c.passed).length;
    // A notebook that stopped at an error is not green, even with no claim failed: it did not run to the end.
    const status = nb.result?.status ?? "";
    const stopped = nb.result && !["passed", "claims-failed"].includes(status);
    const cell = nb.result
      ? `<td class="${status === "passed" && ok === claims.length ? "pass" : "fail"}"${
        stopped ? ` title="${escapeHtml(nb.result.message ?? "")}"` : ""
      }>${ok}/${claims.length}${stopped ? ` · ${escapeHtml(status.replace(/-/g, " "))}` : ""}</td>`
      : "<td>–</td>";
    return `<tr><td>${nb.number}</td><td><a href="${pageOf(nb)}">${escapeHtml(nb.title)}</a></td>` +
      `<td>${md.renderInline(nb.reproduces)}</td>${cell}</tr>`;
  });
  const info = course.info ?? {};
  const when = typeof info.startedAt === "string" ? ` on ${escapeHtml(info.startedAt.slice(0, 10))}` : "";
  const kinds = counts.withKinds
    ? ` ${counts.predictions} are predictions and ${counts.bounds} are bounds;` +
      ` ${counts.discriminating} tell the theory apart from a rival (${counts.withRivals} are tested against rivals).`
    : "";
  const summary = course.hasClaims
    ? `<p class="claims-line"><strong>${counts.passed} of ${counts.total} claims reproduced</strong> when the course last ran${when}.${kinds}
 Every claim, with its predicted and measured value, tolerance and source, is in the
 <a href="report.html">reproducibility report</a>.</p>`
    : `<p class="claims-line">No claims.json was found: run <code>deno task course</code> to see which claims reproduce.</p>`;
  const first = course.notebooks[0];
  const body = `<h1>${"Learning Mechanics"}</h1>
<p class="lead">An open course on the scientific theory of deep learning. Each notebook derives a law, predicts
numbers from it in code, measures them in a small experiment, and states each comparison as a <em>claim</em>
with a tolerance argued for in the text. These pages show the notebooks as they last ran, charts and claims
included.</p>
${summary}
${first ? `<p><a class="start" href="${pageOf(first)}">Start with ${escapeHtml(label(first))} →</a></p>` : ""}
<h2 id="course-map">Course map</h2>
<div class="table-wrap"><table class="course-map"><thead><tr><th>#</th><th>notebook</th><th>reproduces</th><th>claims</th></tr></thead>
<tbody>${rows.join("")}</tbody></table></div>
<h2 id="read-and-run">Read, download, run</h2>
<p>Every page links to its executed notebook (with all outputs) and to Binder, which runs it in JupyterLab in your
browser. To run the course yourself, see the repository's README: <code>deno task course</code> runs every
notebook and checks every claim; <code>deno task book</code> rebuilds these pages.</p>`;
  return page({ title: "Learning Mechanics", body, nav: sideNav(course) });
}

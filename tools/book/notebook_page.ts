/**
 * One notebook's page: its text (Markdown, maths typeset), its code (highlighted) and outputs (charts, claim
 * tables, text) in order, then its claims, the links to the previous and next notebook, and the links to
 * download the executed notebook and to run it on Binder.
 *
 * @module
 */
import { escapeHtml } from "../../lib/display.ts";
import { sourceOf } from "../notebook/nbformat.ts";
import { claimTable } from "./claim_table.ts";
import type { BookCourse, BookNotebook } from "./course.ts";
import { highlightCode } from "./highlight.ts";
import { page } from "./layout.ts";
import { BINDER, type courseMarkdown } from "./markdown.ts";
import { type OutputContext, renderOutputs } from "./outputs.ts";

/** Where Binder builds the course (the README's badge). */
export { BINDER };

/** The page file of a notebook. */
export function pageOf(nb: BookNotebook): string {
  return `${nb.stem}.html`;
}

/** A notebook as the side navigation and links name it: "01 · Gradient descent on a quadratic". */
export function label(nb: BookNotebook): string {
  return `${nb.number} · ${nb.title}`;
}

/** The side navigation: every notebook, the current one marked. */
export function sideNav(course: BookCourse, current?: BookNotebook): string {
  return `<ol>${
    course.notebooks.map((nb) =>
      `<li${nb === current ? ' class="current" aria-current="page"' : ""}><a href="${pageOf(nb)}">${
        escapeHtml(label(nb))
      }</a></li>`
    ).join("")
  }</ol>`;
}

/** A section of a page for the search index. */
export interface Section {
  id: string;
  heading: string;
  text: string;
}

/** The page of `nb`, and its sections for the search index. */
export function notebookPage(
  course: BookCourse,
  nb: BookNotebook,
  md: ReturnType<typeof courseMarkdown>,
  ctx: OutputContext,
): { html: string; sections: Section[] } {
  const i = course.notebooks.indexOf(nb);
  const prev = course.notebooks[i - 1], next = course.notebooks[i + 1];
  const env: { ids?: Set<string> } = {};
  const sections: Section[] = [{ id: "", heading: label(nb), text: "" }];
  const parts: string[] = [];
  nb.cells.forEach((cell, index) => {
    const source = sourceOf(cell);
    if (cell.cell_type === "markdown") {
      const before = new Set(env.ids ?? []);
      const html = md.render(source, env);
      const newIds = [...(env.ids ?? [])].filter((id) => !before.has(id));
      const heading = source.match(/^#{1,4}\s+(.+)$/m)?.[1];
      if (heading && newIds.length && index > 0) sections.push({ id: newIds[0], heading, text: "" });
      sections[sections.length - 1].text += " " + source.replace(/[#*_`$\\{}]/g, " ");
      parts.push(`<section class="cell markdown">${html}</section>`);
    } else if (cell.cell_type === "code") {
      const outputs = renderOutputs(cell.outputs ?? [], ctx);
      parts.push(
        `<section class="cell code"><pre class="source"><code class="hljs language-typescript">${
          highlightCode(source)
        }</code></pre>${outputs ? `<div class="outputs">${outputs}</div>` : ""}</section>`,
      );
    }
  });
  const result = nb.result;
  const status = result
    ? `<p class="run-status">${
      result.claims.filter((c) => c.passed).length
    } of ${result.claims.length} claims reproduced ` +
      `when the course last ran (${escapeHtml(result.status)}${
        result.seconds ? `, ${result.seconds.toFixed(1)} s` : ""
      }${result.backend ? `, ${escapeHtml(result.backend)}` : ""})${
        ["passed", "claims-failed"].includes(result.status) || !result.message
          ? ""
          : `: it stopped at ${escapeHtml(result.message)}`
      }. <a href="report.html">Reproducibility report</a>.</p>`
    : "";
  const summary = result?.claims.length
    ? `<section class="claims-summary"><h2 id="run-claims">Claims of this notebook</h2>${
      claimTable(nb.stem, result.claims, { reportHref: "report.html", anchors: false })
    }</section>`
    : "";
  const tools =
    `<p class="notebook-links"><a class="download" href="notebooks/${nb.stem}.ipynb" download>Download the executed notebook</a>` +
    ` · <a class="binder external" href="${BINDER}${nb.stem}.ipynb">Run on Binder</a></p>`;
  const pager = `<nav class="pager" aria-label="Previous and next notebook">${
    prev
      ? `<a class="prev" rel="prev" href="${pageOf(prev)}">← ${escapeHtml(label(prev))}</a>`
      : "<span></span>"
  }${
    next
      ? `<a class="next" rel="next" href="${pageOf(next)}">${escapeHtml(label(next))} →</a>`
      : "<span></span>"
  }</nav>`;
  const body = `${tools}${status}<article class="notebook">${parts.join("\n")}</article>${summary}${pager}`;
  return {
    html: page({
      title: `${label(nb)} · Learning Mechanics`,
      body,
      nav: sideNav(course, nb),
      charts: ctx.charts > 0,
    }),
    sections,
  };
}

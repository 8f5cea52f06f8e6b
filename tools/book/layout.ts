/**
 * The frame of every page of the website: head (local styles and scripts only), the header with the search
 * box, the content, and the footer. Every href is relative, so the site works from `file://` and any host.
 *
 * @module
 */
import { escapeHtml } from "../../lib/display.ts";

/** What a page puts in the frame. */
export interface PageParts {
  title: string;
  /** Main content (HTML). */
  body: string;
  /** Side navigation (HTML), e.g. the course's notebooks. */
  nav?: string;
  /** True when the page draws charts (loads vega, vega-lite and vega-embed). */
  charts?: boolean;
}

/** The course's name, in titles and the header. */
export const COURSE_NAME = "Learning Mechanics";

/** A whole HTML page. */
export function page(parts: PageParts): string {
  const chartScripts = parts.charts
    ? ["vega.min.js", "vega-lite.min.js", "vega-embed.min.js"].map((f) =>
      `<script src="assets/${f}"></script>`
    ).join("")
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
<link rel="stylesheet" href="assets/katex/katex.min.css"><link rel="stylesheet" href="assets/highlight.css">
<link rel="stylesheet" href="assets/site.css">${chartScripts}
<script src="assets/minisearch.js"></script><script defer src="assets/site.js"></script>
</head><body>
<header class="site-header"><a class="home" href="index.html">${COURSE_NAME}</a>
<nav class="top"><a href="index.html#course-map">Course map</a> <a href="report.html">Reproducibility report</a></nav>
<div class="search"><input type="search" id="search" placeholder="Search the course" aria-label="Search the course" autocomplete="off">
<ol id="search-results" hidden></ol></div></header>
<div class="layout">${parts.nav ? `<nav class="side" aria-label="Notebooks">${parts.nav}</nav>` : ""}
<main>${parts.body}</main></div>
<footer><p>Built from the executed notebooks by <code>deno task book</code>. Every number on these pages was
computed when the course last ran; the <a href="report.html">reproducibility report</a> lists every claim.</p></footer>
</body></html>
`;
}

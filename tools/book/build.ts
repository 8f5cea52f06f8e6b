/**
 * Build the website of the executed course into one folder: `index.html`, one page per notebook, the
 * reproducibility report (`report.html`, linked both ways), the executed notebooks for download, the chart
 * images, the search index and the local assets. Every link is relative: the folder works from `file://`
 * and from any static host (GitHub Pages, a web server, a USB stick).
 *
 * @module
 */
import { writeAssets } from "./assets.ts";
import { readCourse } from "./course.ts";
import { indexPage } from "./index_page.ts";
import { courseMarkdown } from "./markdown.ts";
import { notebookPage, pageOf } from "./notebook_page.ts";
import { documentsOf, type SearchDocument, searchIndexScript } from "./search_index.ts";

/** Options of {@linkcode buildBook}. */
export interface BookOptions {
  /** Where `deno task course` wrote `notebooks/` and `claims.json`. Default "_build". */
  buildDir?: string;
  /** The site's folder (emptied first). Default `${buildDir}/book`. */
  outDir?: string;
  /** README with the course map. Default "README.md". */
  readme?: string;
  /**
   * The course's source notebooks: an executed copy without one here is stale and left out. Default
   * "notebooks"; `null` takes every executed notebook (a test's own fixtures).
   */
  sources?: string | null;
}

/** What was built. */
export interface BookStats {
  outDir: string;
  pages: { file: string; bytes: number }[];
  /** Executed notebooks left out: the course no longer has them. */
  stale: string[];
  charts: number;
  seconds: number;
}

/** The report page inside the site: its links to `book/…` become links within the site. */
export function siteReport(html: string): string {
  return html.replaceAll('href="book/', 'href="');
}

/** Build the site; returns its pages and their sizes. */
export async function buildBook(options: BookOptions = {}): Promise<BookStats> {
  const t0 = performance.now();
  const buildDir = options.buildDir ?? "_build";
  const outDir = options.outDir ?? `${buildDir}/book`;
  const sources = options.sources === undefined ? "notebooks" : options.sources ?? undefined;
  const course = await readCourse(buildDir, options.readme ?? "README.md", sources);
  await Deno.remove(outDir, { recursive: true }).catch((e) => {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  });
  for (const sub of ["img", "notebooks"]) await Deno.mkdir(`${outDir}/${sub}`, { recursive: true });
  await writeAssets(outDir);
  const byNumber = new Map(course.notebooks.map((nb) => [nb.number, nb]));
  const md = courseMarkdown({ notebookHref: (n) => byNumber.has(n) ? pageOf(byNumber.get(n)!) : undefined });
  const pages: BookStats["pages"] = [];
  const write = async (file: string, html: string) => {
    await Deno.writeTextFile(`${outDir}/${file}`, html);
    pages.push({ file, bytes: new TextEncoder().encode(html).length });
  };
  const documents: SearchDocument[] = [];
  const images: Promise<void>[] = [];
  let charts = 0;
  for (const nb of course.notebooks) {
    const ctx = {
      stem: nb.stem,
      claimsSoFar: [],
      reportHref: "report.html",
      charts: 0,
      saveImage: (name: string, bytes: Uint8Array) => {
        images.push(Deno.writeFile(`${outDir}/img/${name}`, bytes));
        return `img/${name}`;
      },
    };
    const { html, sections } = notebookPage(course, nb, md, ctx);
    charts += ctx.charts;
    await write(pageOf(nb), html);
    documents.push(...documentsOf(pageOf(nb), nb.number, sections, documents.length));
    await Deno.copyFile(nb.file, `${outDir}/notebooks/${nb.stem}.ipynb`);
  }
  await write("index.html", indexPage(course, md));
  await Promise.all(images);
  await Deno.writeTextFile(`${outDir}/assets/search-index.js`, searchIndexScript(documents));
  let report: string;
  try {
    report = siteReport(await Deno.readTextFile(`${buildDir}/report.html`));
  } catch {
    report =
      `<!doctype html><html><head><meta charset="utf-8"><title>Reproducibility report</title></head><body>
<h1>Reproducibility report</h1><p>No report was found in ${buildDir}/: run <code>deno task course</code>, then
<code>deno task book</code>.</p><p><a href="index.html">Back to the course</a></p></body></html>\n`;
  }
  await write("report.html", report);
  return { outDir, pages, stale: course.stale, charts, seconds: (performance.now() - t0) / 1000 };
}

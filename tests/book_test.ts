/**
 * The course website in a real browser: three fast notebooks and a slider fixture are executed through the
 * runner (real Jupyter server and kernels) into a temporary build, `buildBook` turns them into the site, and
 * Debian's headless Chromium (driven by puppeteer-core) opens every page from `file://` and checks that it
 * loads with no console error and no request off the machine, every chart renders non-empty, no raw TeX is
 * left, every internal link resolves, the search finds a section and a slider moves its curve. Two
 * screenshots are kept in `_build/` for a person to look at (book-index.png, book-notebook.png).
 *
 * Needs Chromium (`apt-get install chromium`; or set LM_CHROMIUM to its path).
 *
 * `LM_BOOK_BUILD=_build deno test -A tests/book_test.ts` runs the same checks on the whole course instead: the
 * site is built from that existing build folder (what `deno task course` wrote) and every notebook in it is
 * checked; the slider step, which needs the fixture, is left out then.
 */
import type { Browser, Page } from "puppeteer-core";
import { assert, assertEquals } from "../lib/_assert.ts";
import { VEGALITE_MIME } from "../lib/plot/render.ts";
import { buildBook } from "../tools/book/build.ts";
import { startJupyterServer } from "../tools/jupyter/server.ts";
import type { Notebook } from "../tools/notebook/nbformat.ts";
import { writeReport } from "../tools/notebook/report.ts";
import { runNotebooks } from "../tools/notebook/runner.ts";
import { launchChromium } from "./_chromium.ts";

const NOTEBOOKS = [
  "notebooks/00_orientation.ipynb",
  "notebooks/01_gradient_descent_quadratic.ipynb",
  "notebooks/14_open_problems.ipynb",
];
const FIXTURE = "tests/fixtures/book/90_slider.ipynb";

async function executedCourse(dir: string): Promise<void> {
  const server = await startJupyterServer();
  const t0 = performance.now();
  try {
    const results = await runNotebooks(server, [...NOTEBOOKS, FIXTURE], { outDir: dir, jobs: 2 });
    for (const r of results) assertEquals([r.path, r.status, r.message], [r.path, "passed", ""]);
    await Deno.rename(`${dir}/${FIXTURE}`, `${dir}/notebooks/90_slider.ipynb`);
    await writeReport(dir, results, {
      startedAt: new Date().toISOString(),
      wallSeconds: (performance.now() - t0) / 1000,
      serverStartSeconds: 0,
      jobs: 2,
      deno: Deno.version.deno,
      cores: navigator.hardwareConcurrency,
      parameters: {},
    });
  } finally {
    await server.stop();
  }
}

/** Open `url`, collecting console errors, page errors and requests that leave the machine. */
async function open(browser: Browser, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${(e as Error).message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on("request", (r) => {
    if (!/^(file|data|blob|about):/.test(r.url())) problems.push(`request off the machine: ${r.url()}`);
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, problems };
}

/** Every chart on the page drawn interactively, with marks; returns how many. */
async function chartsDrawn(page: Page): Promise<{ total: number; bad: string[] }> {
  await page.waitForFunction(
    () => [...document.querySelectorAll("figure.chart")].every((f) => /interactive|static/.test(f.className)),
    { timeout: 30_000 },
  );
  return await page.evaluate(() => {
    const bad: string[] = [];
    const figures = [...document.querySelectorAll("figure.chart")];
    for (const f of figures) {
      const svg = f.querySelector(".vega-target svg");
      const box = svg?.getBoundingClientRect();
      const marks = svg?.querySelectorAll("path, circle, rect, line").length ?? 0;
      if (!f.classList.contains("interactive") || !box || box.width < 50 || box.height < 50 || marks < 3) {
        bad.push(`${f.id}: ${f.className}, ${box?.width ?? 0}×${box?.height ?? 0} px, ${marks} marks`);
      }
    }
    return { total: figures.length, bad };
  });
}

/** Text a reader sees that still looks like TeX ($…$, \command), outside code. */
async function rawTex(page: Page): Promise<string[]> {
  return await page.evaluate(() => {
    const main = (document.querySelector("main") ?? document.body).cloneNode(true) as HTMLElement;
    for (const el of main.querySelectorAll("pre, code, script, style, .katex-mathml")) el.remove();
    const errors = [...document.querySelectorAll(".katex-error")].map((e) => `KaTeX error: ${e.textContent}`);
    const text = main.textContent ?? "";
    const tex = text.match(
      /\$[^$\n]{1,80}\$|\\(?:frac|eta|lambda|sum|mathbf|mathrm|left|right|begin|cdot)\b[^\n]{0,30}/g,
    );
    return [...errors, ...(tex ?? [])];
  });
}

/** Internal links whose file or fragment does not exist. */
async function brokenLinks(page: Page, siteDir: string): Promise<string[]> {
  const hrefs: string[] = await page.evaluate(() =>
    [...document.querySelectorAll("a[href]")].map((a) => (a as HTMLAnchorElement).href)
  );
  const broken: string[] = [];
  for (const href of new Set(hrefs.filter((h) => h.startsWith("file:")))) {
    const url = new URL(href);
    const path = decodeURIComponent(url.pathname);
    if (!path.startsWith(siteDir)) {
      broken.push(`${href} leaves the site`);
      continue;
    }
    try {
      const text = await Deno.readTextFile(path);
      const id = decodeURIComponent(url.hash.slice(1));
      if (id && !text.includes(`id="${id}"`)) broken.push(`${href}: no element with id "${id}"`);
    } catch {
      broken.push(`${href}: no such file`);
    }
  }
  return broken;
}

Deno.test("the course website works in a real browser, from file://, with nothing loaded from the internet", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "lm-book-test-" });
  const existing = Deno.env.get("LM_BOOK_BUILD");
  const buildDir = existing ?? dir;
  let browser: Browser | undefined;
  try {
    if (!existing) await executedCourse(dir);
    const names = existing
      ? [...Deno.readDirSync("notebooks")].map((e) => e.name).filter((n) => /^\d\d_.*\.ipynb$/.test(n))
        .map((n) => n.replace(/\.ipynb$/, "")).sort()
      : ["00_orientation", "01_gradient_descent_quadratic", "14_open_problems", "90_slider"];
    await t.step(
      `every chart output of the ${names.length} executed notebooks carries SVG, PNG and a description`,
      async () => {
        for (const name of names) {
          const nb: Notebook = JSON.parse(await Deno.readTextFile(`${buildDir}/notebooks/${name}.ipynb`));
          const charts = nb.cells.flatMap((c) => c.outputs ?? []).flatMap((o) => "data" in o ? [o.data] : [])
            .filter((d) => d[VEGALITE_MIME]);
          assert(charts.length > 0, `${name} has charts`);
          for (const d of charts) {
            const description = (d[VEGALITE_MIME] as { description?: string }).description ?? "";
            assert(description.length > 20, `${name}: a chart without a description`);
            assert(String(d["image/svg+xml"]).startsWith("<svg"), `${name}: "${description}" has no SVG`);
            assert(String(d["image/png"]).startsWith("iVBOR"), `${name}: "${description}" has no PNG`);
            assert(
              String(d["text/markdown"]).startsWith('<img src="data:image/png;base64,iVBOR'),
              `${name}: "${description}" has no Markdown image (what nbconvert shows)`,
            );
          }
        }
      },
    );
    const site = `${dir}/book`;
    // The default build holds a fixture that is no course notebook: take every executed notebook then.
    const stats = await buildBook({ buildDir, outDir: site, sources: existing ? "notebooks" : null });
    assert(stats.seconds < 15, `the site builds in under 15 s, took ${stats.seconds.toFixed(1)} s`);
    if (existing) {
      const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
      console.log(
        `site of ${existing}: ${stats.pages.length} pages, ${stats.charts} charts, ` +
          `${stats.seconds.toFixed(1)} s: ${stats.pages.map((p) => `${p.file} ${kb(p.bytes)}`).join(", ")}`,
      );
    }
    browser = await launchChromium(`${dir}/profile`);
    for (const { file } of stats.pages) {
      await t.step(
        `${file} loads cleanly, draws its charts, shows no raw TeX, and its links resolve`,
        async () => {
          const { page, problems } = await open(browser!, `file://${site}/${file}`);
          const charts = await chartsDrawn(page);
          assertEquals(charts.bad, [], `${file}: charts not drawn`);
          assertEquals(await rawTex(page), [], `${file}: raw TeX`);
          assertEquals(await brokenLinks(page, site), [], `${file}: broken links`);
          if (file === "index.html") await page.screenshot({ path: "_build/book-index.png" });
          if (file.startsWith("01_")) {
            await page.evaluate(() => document.querySelector("figure.chart")!.scrollIntoView());
            await page.screenshot({ path: "_build/book-notebook.png" });
          }
          assertEquals(problems, [], `${file}: problems while loading`);
          await page.close();
        },
      );
    }
    if (!existing) {
      await t.step("a slider redraws its theory curve in the page, with no kernel", async () => {
        const { page, problems } = await open(browser!, `file://${site}/90_slider.html`);
        await chartsDrawn(page);
        const curve = () =>
          page.evaluate(() => document.querySelector(".vega-target svg .mark-line path")!.getAttribute("d"));
        const before = await curve();
        await page.evaluate(() => {
          const input = document.querySelector<HTMLInputElement>(".vega-bindings input[type=range]")!;
          input.value = "0.25";
          input.dispatchEvent(new Event("input", { bubbles: true }));
        });
        await page.waitForFunction(
          (d) => document.querySelector(".vega-target svg .mark-line path")!.getAttribute("d") !== d,
          {
            timeout: 5000,
          },
          before,
        );
        assert((await curve()) !== before, "the curve moved");
        assertEquals(problems, []);
      });
    }
    await t.step("the search box finds a section of a notebook and links to it", async () => {
      const { page, problems } = await open(browser!, `file://${site}/index.html`);
      await page.type("#search", "eigenmode");
      await page.waitForSelector("#search-results:not([hidden]) a", { timeout: 5000 });
      const first: string = await page.evaluate(() =>
        document.querySelector<HTMLAnchorElement>("#search-results a")!.href
      );
      assert(/01_gradient_descent_quadratic\.html/.test(first), `first hit ${first}`);
      assertEquals(problems, []);
    });
  } finally {
    await browser?.close();
    await Deno.remove(dir, { recursive: true });
  }
});

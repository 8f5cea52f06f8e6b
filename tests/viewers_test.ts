/// <reference lib="dom" />
/**
 * Charts in the viewers a reader may open an executed notebook with, looked at in a real browser. A fixture
 * with one of each chart the course draws (theory vs measurement, line chart, slider chart, image grid) runs
 * through the runner (real Jupyter server, Deno kernel). Then headless Chromium looks at:
 *
 * - nbconvert's HTML export, plain and with `sanitize_html` (Debian 12 ships nbconvert 6.5, whose HTML cleaner
 *   blanks inline SVG: jupyter/nbconvert#1849): every chart must be the bundle's Markdown `<img>`;
 * - Notebook 6 (Debian 12's jupyter-notebook), which opens the executed copy untrusted and then shows only
 *   text, LaTeX, PNG, JPEG and GIF: every chart must be the PNG, at the chart's size.
 *
 * Each image must have loaded, be shown at the chart's size, and have ink on it. A screenshot of the first
 * chart of the nbconvert export is kept in `_build/nbconvert-chart.png`.
 *
 * Needs nbconvert (`apt-get install python3-nbconvert`), Notebook 6 (`apt-get install jupyter-notebook`) and
 * Chromium (`apt-get install chromium`).
 */
import type { Browser } from "puppeteer-core";
import { assert, assertEquals } from "../lib/_assert.ts";
import { VEGALITE_MIME } from "../lib/plot/render.ts";
import { startJupyterServer } from "../tools/jupyter/server.ts";
import type { Notebook } from "../tools/notebook/nbformat.ts";
import { runNotebooks } from "../tools/notebook/runner.ts";
import { launchChromium } from "./_chromium.ts";
import { startNotebook6 } from "./_notebook6.ts";
import { assertDrawnCharts, shownImages } from "./_shown_images.ts";

const FIXTURE = "tests/fixtures/viewers/charts.ipynb";
const CHARTS = 4;

/** How to run nbconvert here: `jupyter-nbconvert`, or the module under Debian's or the PATH's Python. */
async function nbconvertCommand(): Promise<string[]> {
  const candidates = [["jupyter-nbconvert"], ["/usr/bin/python3", "-m", "nbconvert"], [
    "python3",
    "-m",
    "nbconvert",
  ]];
  for (const [cmd, ...args] of candidates) {
    try {
      const out = await new Deno.Command(cmd, {
        args: [...args, "--version"],
        stdout: "null",
        stderr: "null",
      })
        .output();
      if (out.success) return [cmd, ...args];
    } catch { /* not installed: try the next */ }
  }
  throw new Error(
    "nbconvert not found (neither jupyter-nbconvert nor python3 -m nbconvert runs): install Debian's package " +
      "python3-nbconvert (apt-get install -y python3-nbconvert)",
  );
}

async function exportHtml(command: string[], notebook: string, output: string, extra: readonly string[]) {
  const [cmd, ...args] = command;
  const out = await new Deno.Command(cmd, {
    args: [...args, "--to", "html", ...extra, "--output", output, notebook],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert(out.success, `nbconvert failed on ${notebook}:\n${new TextDecoder().decode(out.stderr)}`);
}

/** Run the fixture; returns the executed copy's path after checking its chart outputs. */
async function executedFixture(dir: string): Promise<string> {
  const server = await startJupyterServer();
  try {
    const [result] = await runNotebooks(server, [FIXTURE], { outDir: dir });
    // The fixture only draws: it runs to the end and states no claim.
    assertEquals(result.status, "no-claims", `${FIXTURE}: ${result.message}`);
  } finally {
    await server.stop();
  }
  const executed = `${dir}/${FIXTURE}`;
  const nb: Notebook = JSON.parse(await Deno.readTextFile(executed));
  const charts = nb.cells.flatMap((c) => c.outputs ?? []).flatMap((o) => "data" in o ? [o] : [])
    .filter((o) => o.data[VEGALITE_MIME]);
  assertEquals(charts.length, CHARTS, "the fixture displays one bundle per chart");
  for (const o of charts) {
    // The PNG has 2× the chart's pixels; this metadata shows it at the chart's size, as the <img> does.
    const size = String(o.data["text/markdown"]).match(
      /^<img src="data:image\/png;[^"]*" alt="[^"]*" width="(\d+)" height="(\d+)">$/,
    );
    assert(size, `the Markdown of a chart is one <img>: ${String(o.data["text/markdown"]).slice(0, 80)}`);
    assertEquals(o.metadata, { "image/png": { width: Number(size[1]), height: Number(size[2]) } });
  }
  return executed;
}

Deno.test("nbconvert and Notebook 6 (untrusted) show every chart as a drawn image at the chart's size", async (t) => {
  const nbconvert = await nbconvertCommand();
  const dir = await Deno.makeTempDir({ prefix: "lm-viewers-test-" });
  const browser: Browser = await launchChromium(`${dir}/profile`);
  try {
    const executed = await executedFixture(dir);
    const variants = [["as exported", []], ["with sanitize_html", [
      "--HTMLExporter.sanitize_html=True",
    ]]] as const;
    for (const [label, extra] of variants) {
      await t.step(`nbconvert's HTML ${label}: every chart is the Markdown image, drawn`, async () => {
        const html = `${dir}/charts-${extra.length ? "sanitized" : "plain"}.html`;
        await exportHtml(nbconvert, executed, html, extra);
        const text = await Deno.readTextFile(html);
        assertEquals(
          (text.match(/<img src="data:image\/png;base64,/g) ?? []).length,
          CHARTS,
          "one PNG per chart",
        );
        assert(
          !text.includes('data-mime-type="image/svg+xml"'),
          "no chart falls back to the SVG nbconvert blanks",
        );
        const page = await browser.newPage();
        await page.setViewport({ width: 1200, height: 900 });
        await page.goto(`file://${html}`, { waitUntil: "load" });
        assertDrawnCharts(await shownImages(page, 'img[src^="data:image/png"]'), CHARTS, { alt: true });
        if (!extra.length) {
          await Deno.mkdir("_build", { recursive: true });
          await (await page.$('img[src^="data:image/png"]'))!.screenshot({
            path: "_build/nbconvert-chart.png",
          });
        }
        await page.close();
      });
    }
    await t.step(
      "Notebook 6 opens the executed copy untrusted and shows every chart as its PNG",
      async () => {
        const served = `${dir}/served`;
        await Deno.mkdir(served);
        await Deno.copyFile(executed, `${served}/charts.ipynb`);
        const notebook6 = await startNotebook6(served);
        try {
          const page = await browser.newPage();
          await page.setViewport({ width: 1200, height: 900 });
          await page.goto(notebook6.url("charts.ipynb"), { waitUntil: "load" });
          await page.waitForFunction((n) => document.querySelectorAll(".output_png img").length >= n, {
            timeout: 60_000,
          }, CHARTS);
          const trust = await page.evaluate(() =>
            document.querySelector("#notification_trusted")?.textContent
          );
          assertEquals(trust, "Not Trusted");
          const others = await page.evaluate(() =>
            document.querySelectorAll(".output_svg, .output_markdown").length
          );
          assertEquals(others, 0, "no chart is shown as SVG or Markdown when untrusted");
          assertDrawnCharts(await shownImages(page, ".output_png img"), CHARTS, { alt: false });
          await page.close();
        } finally {
          await notebook6.stop();
        }
      },
    );
  } finally {
    await browser.close();
    await Deno.remove(dir, { recursive: true });
  }
});

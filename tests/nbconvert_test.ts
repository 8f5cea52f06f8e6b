/// <reference lib="dom" />
/**
 * Charts in nbconvert's HTML export, looked at in a real browser. A fixture with one of each chart the
 * course draws (theory vs measurement, line chart, slider chart, image grid) runs through the runner (real
 * Jupyter server, Deno kernel); the executed copy is exported with the installed nbconvert (Debian 12 ships
 * 6.5, whose HTML cleaner blanks inline SVG: jupyter/nbconvert#1849), as it is and with `sanitize_html`;
 * headless Chromium opens each export and every chart must be an image that loaded, at the chart's size,
 * with ink on it and alt text. A screenshot of the first chart is kept in `_build/nbconvert-chart.png`.
 *
 * Needs nbconvert (`apt-get install python3-nbconvert`) and Chromium (`apt-get install chromium`).
 */
import type { Browser } from "puppeteer-core";
import { assert, assertEquals } from "../lib/_assert.ts";
import { VEGALITE_MIME } from "../lib/plot/render.ts";
import { startJupyterServer } from "../tools/jupyter/server.ts";
import type { Notebook } from "../tools/notebook/nbformat.ts";
import { runNotebooks } from "../tools/notebook/runner.ts";
import { launchChromium } from "./_chromium.ts";

const FIXTURE = "tests/fixtures/nbconvert/charts.ipynb";
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

async function exportHtml(command: string[], notebook: string, output: string, extra: string[] = []) {
  const [cmd, ...args] = command;
  const out = await new Deno.Command(cmd, {
    args: [...args, "--to", "html", ...extra, "--output", output, notebook],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const err = new TextDecoder().decode(out.stderr);
  assert(out.success, `nbconvert failed on ${notebook}:\n${err}`);
}

/** What the browser shows for each chart image of an export. */
interface ShownImage {
  alt: string;
  naturalWidth: number;
  shownWidth: number;
  widthAttribute: number;
  /** Share of pixels that are not near-white. */
  ink: number;
  /** Distinct colours among the inked pixels (axes, text and marks give several). */
  colours: number;
}

Deno.test("nbconvert's HTML export shows every chart as a non-blank image, at its size, with alt text", async (t) => {
  const command = await nbconvertCommand();
  const dir = await Deno.makeTempDir({ prefix: "lm-nbconvert-test-" });
  const browser: Browser = await launchChromium(`${dir}/profile`);
  try {
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
      // Notebook 6 opened untrusted shows the PNG, at the size this metadata gives (the PNG has 2× pixels).
      const size = String(o.data["text/markdown"]).match(/ width="(\d+)" height="(\d+)"/)!;
      assertEquals(o.metadata, { "image/png": { width: Number(size[1]), height: Number(size[2]) } });
    }

    for (
      const [label, extra] of [["as exported", []], ["with sanitize_html", [
        "--HTMLExporter.sanitize_html=True",
      ]]] as const
    ) {
      await t.step(`${label}, every chart is an image that loads with ink on it`, async () => {
        const html = `${dir}/charts-${extra.length ? "sanitized" : "plain"}.html`;
        await exportHtml(command, executed, html, [...extra]);
        const text = await Deno.readTextFile(html);
        assertEquals(
          (text.match(/<img src="data:image\/png;base64,/g) ?? []).length,
          CHARTS,
          "one PNG <img> per chart",
        );
        assert(
          !text.includes('data-mime-type="image/svg+xml"'),
          "no chart falls back to the SVG nbconvert blanks",
        );
        const page = await browser.newPage();
        await page.setViewport({ width: 1200, height: 900 });
        await page.goto(`file://${html}`, { waitUntil: "load" });
        const shown: ShownImage[] = await page.evaluate(async () => {
          const images = [...document.querySelectorAll<HTMLImageElement>('img[src^="data:image/png"]')];
          const out = [];
          for (const img of images) {
            await img.decode();
            const canvas = document.createElement("canvas");
            canvas.width = img.naturalWidth;
            canvas.height = img.naturalHeight;
            const ctx = canvas.getContext("2d")!;
            ctx.drawImage(img, 0, 0);
            const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
            let inked = 0;
            const colours = new Set<number>();
            for (let i = 0; i < px.length; i += 4) {
              if (px[i] < 235 || px[i + 1] < 235 || px[i + 2] < 235) {
                inked++;
                colours.add(((px[i] >> 4) << 8) | ((px[i + 1] >> 4) << 4) | (px[i + 2] >> 4));
              }
            }
            out.push({
              alt: img.alt,
              naturalWidth: img.naturalWidth,
              shownWidth: Math.round(img.getBoundingClientRect().width),
              widthAttribute: Number(img.getAttribute("width")),
              ink: inked / (px.length / 4),
              colours: colours.size,
            });
          }
          return out;
        });
        assertEquals(shown.length, CHARTS, "every chart image is in the page");
        for (const [i, s] of shown.entries()) {
          const where = `chart ${i + 1} (${s.alt.slice(0, 60)}…)`;
          assert(s.alt.length > 20, `${where}: alt text is the chart's description`);
          assert(s.naturalWidth >= 2 * 100, `${where}: the PNG decoded (${s.naturalWidth} px wide)`);
          assertEquals(s.shownWidth, s.widthAttribute, `${where}: shown at the chart's size`);
          assert(s.ink > 0.005 && s.ink < 0.9, `${where}: ${(100 * s.ink).toFixed(2)}% of pixels inked`);
          assert(s.colours >= 3, `${where}: ${s.colours} colours (axes, text and marks)`);
        }
        if (!extra.length) {
          await Deno.mkdir("_build", { recursive: true });
          const first = await page.$('img[src^="data:image/png"]');
          await first!.screenshot({ path: "_build/nbconvert-chart.png" });
        }
        await page.close();
      });
    }
  } finally {
    await browser.close();
    await Deno.remove(dir, { recursive: true });
  }
});

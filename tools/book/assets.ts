/**
 * The website's static files, all local: KaTeX's stylesheet and fonts, the browser builds of Vega, Vega-Lite
 * and vega-embed (the versions the notebooks' charts are made with), MiniSearch, a highlight.js theme, and
 * the site's own stylesheet and script (tools/book/client/).
 *
 * @module
 */
import { fileURLToPath } from "node:url";

const NODE_MODULES = fileURLToPath(new URL("../../node_modules/", import.meta.url));

/** The folder of an npm package that `deno install` put in the project's node_modules/. */
function packageDir(name: string): string {
  const dir = `${NODE_MODULES}${name}`;
  try {
    Deno.statSync(`${dir}/package.json`);
  } catch {
    throw new Error(`npm package ${name} is not in ${NODE_MODULES}: run \`deno install\``);
  }
  return dir;
}

/** Files copied into `assets/`: [package, path inside it, name in assets/]. */
const VENDOR: [string, string, string][] = [
  ["vega", "build/vega.min.js", "vega.min.js"],
  ["vega-lite", "build/vega-lite.min.js", "vega-lite.min.js"],
  ["vega-embed", "build/vega-embed.min.js", "vega-embed.min.js"],
  ["minisearch", "dist/umd/index.js", "minisearch.js"],
  ["highlight.js", "styles/github.min.css", "highlight.css"],
  ["katex", "dist/katex.min.css", "katex/katex.min.css"],
];

/** Copy every asset into `${outDir}/assets`. */
export async function writeAssets(outDir: string): Promise<void> {
  const assets = `${outDir}/assets`;
  await Deno.mkdir(`${assets}/katex/fonts`, { recursive: true });
  for (const [pkg, path, name] of VENDOR) {
    await Deno.copyFile(`${packageDir(pkg)}/${path}`, `${assets}/${name}`);
  }
  // Browsers take the first format they support in KaTeX's @font-face lists, woff2, so only those are copied.
  const fonts = `${packageDir("katex")}/dist/fonts`;
  for await (const f of Deno.readDir(fonts)) {
    if (f.name.endsWith(".woff2")) {
      await Deno.copyFile(`${fonts}/${f.name}`, `${assets}/katex/fonts/${f.name}`);
    }
  }
  const client = fileURLToPath(new URL("./client/", import.meta.url));
  for (const name of ["site.js", "site.css"]) await Deno.copyFile(`${client}${name}`, `${assets}/${name}`);
}

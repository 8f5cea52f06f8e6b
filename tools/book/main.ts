/**
 * `deno task book [--build DIR] [--out DIR]`: build the website of the executed course (tools/book/build.ts)
 * from what `deno task course` wrote, and print its pages with their sizes and the build time.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { buildBook } from "./build.ts";

if (import.meta.main) Deno.exit(await main(Deno.args));

/** CLI entry; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { build: { type: "string", default: "_build" }, out: { type: "string" } },
  });
  try {
    const stats = await buildBook({ buildDir: values.build, outDir: values.out });
    for (const file of stats.stale) {
      console.error(`left out ${file}: the course has no such notebook now (run \`deno task course\` again)`);
    }
    const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
    for (const p of stats.pages) console.log(`${p.file.padEnd(44)} ${kb(p.bytes).padStart(8)}`);
    const total = stats.pages.reduce((s, p) => s + p.bytes, 0);
    console.log(
      `${stats.pages.length} pages (${kb(total)} of HTML), ${stats.charts} charts, built in ` +
        `${stats.seconds.toFixed(1)} s: open ${stats.outDir}/index.html`,
    );
    return 0;
  } catch (e) {
    console.error(`deno task book: ${(e as Error).message}`);
    return 1;
  }
}

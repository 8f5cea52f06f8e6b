/**
 * `deno task seeds [--seeds 0-19] [--jobs N] [NOTEBOOK|FOLDER …]`: re-run notebooks with other seeds (the
 * `seed` declared in each notebook's parameters cell) and report, for every claim, how it fared across seeds:
 * how many seeds it passed, the mean and standard deviation of the measured value, the worst share of the
 * tolerance used (predictions) or the smallest margin beyond the bound (bounds), and the nearest any rival
 * came. Claims must hold for any seed, not a lucky one, and a tolerance is argued from this spread.
 *
 * Executed copies go to `_build/seeds/seedN/` (never the course build); the per-claim table is also written
 * to `_build/seeds/spread.json` and `spread.md`. Exits non-zero if any notebook failed for any seed.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { startServerOrExplain } from "./jupyter/server.ts";
import { expandNotebookPaths, type NotebookResult, runNotebooks } from "./notebook/runner.ts";
import { progressLine } from "./notebook/summary.ts";
import { seedSpread, spreadMarkdown } from "./notebook/spread.ts";

if (import.meta.main) Deno.exit(await main(Deno.args));

/** Parse "0-19", "1,2,3" or "0-4,10" into a list of seeds; throws a RangeError naming the bad part. */
export function parseSeeds(text: string): number[] {
  const out: number[] = [];
  for (const part of text.split(",").map((s) => s.trim()).filter(Boolean)) {
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    if (range) {
      const [lo, hi] = [Number(range[1]), Number(range[2])];
      if (hi < lo) throw new RangeError(`--seeds: the range "${part}" runs backwards; write ${hi}-${lo}`);
      for (let s = lo; s <= hi; s++) out.push(s);
    } else if (/^\d+$/.test(part)) out.push(Number(part));
    else throw new RangeError(`--seeds expects whole numbers or ranges such as 0-19, got "${part}"`);
  }
  if (!out.length) throw new RangeError(`--seeds names no seed: "${text}"`);
  return [...new Set(out)];
}

/** CLI entry; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      seeds: { type: "string", default: "1,2,3" },
      jobs: { type: "string", default: String(Math.min(2, navigator.hardwareConcurrency || 1)) },
      out: { type: "string", default: "_build/seeds" },
    },
  });
  let seeds: number[];
  try {
    seeds = parseSeeds(values.seeds!);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const paths = await expandNotebookPaths(positionals.length ? positionals : ["notebooks"]);
  const server = await startServerOrExplain();
  if (!server) return 3;
  console.log(`executed copies go to ${values.out}/seedN/`);
  const bySeed = new Map<number, NotebookResult[]>();
  try {
    for (const seed of seeds) {
      console.log(`seed ${seed}`);
      bySeed.set(
        seed,
        await runNotebooks(server, paths, {
          outDir: `${values.out}/seed${seed}`,
          jobs: Number(values.jobs),
          parameters: { seed },
          onProgress: (e) => e.kind === "end" && console.log("  " + progressLine(e.result)),
        }),
      );
    }
  } finally {
    await server.stop();
  }
  console.log(`\n${"notebook".padEnd(48)}${seeds.map((s) => `seed ${s}`.padEnd(12)).join("")}`);
  let ok = true;
  paths.forEach((path, i) => {
    const cells = seeds.map((s) => {
      const r = bySeed.get(s)![i];
      if (r.status !== "passed") ok = false;
      const passed = r.claims.filter((c) => c.passed).length;
      return (r.status === "passed" ? `ok ${passed}/${r.claims.length}` : `${r.status}`).padEnd(12);
    });
    console.log(`${path.padEnd(48)}${cells.join("")}`);
  });
  const spread = seedSpread(bySeed);
  const md = spreadMarkdown(spread);
  console.log(`\n${md}`);
  await Deno.mkdir(values.out!, { recursive: true });
  await Deno.writeTextFile(`${values.out}/spread.json`, JSON.stringify(spread, null, 2) + "\n");
  await Deno.writeTextFile(`${values.out}/spread.md`, md + "\n");
  console.log(`per-claim spread written to ${values.out}/spread.md and spread.json`);
  return ok ? 0 : 1;
}

/**
 * `deno task seeds [--seeds 1,2,3] [--jobs N] [NOTEBOOK|FOLDER …]`: re-run notebooks with other seeds (the
 * `seed` declared in each notebook's parameters cell) and print which claims held for which seed. Claims must
 * hold for any seed, not a lucky one. Executed copies go to `_build/seeds/seedN/`. Exits non-zero if any
 * notebook failed for any seed.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { startServerOrExplain } from "./jupyter/server.ts";
import { expandNotebookPaths, type NotebookResult, runNotebooks } from "./notebook/runner.ts";
import { progressLine } from "./notebook/summary.ts";

if (import.meta.main) Deno.exit(await main(Deno.args));

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
  const seeds = values.seeds!.split(",").map(Number);
  if (seeds.some((s) => !Number.isFinite(s))) {
    console.error(`--seeds expects numbers separated by commas, got "${values.seeds}"`);
    return 2;
  }
  const paths = await expandNotebookPaths(positionals.length ? positionals : ["notebooks"]);
  const server = await startServerOrExplain();
  if (!server) return 3;
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
  return ok ? 0 : 1;
}

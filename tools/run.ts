/**
 * `deno task run [NOTEBOOK|FOLDER …] [-p name=value …] [options]`: execute notebooks through a real
 * Jupyter server and write executed copies to their own folder, `_build/runs/` (never the course build's
 * `_build/notebooks/`), saying where. Exits non-zero when anything failed.
 *
 * Options:
 *   -p, --param name=value   override a declaration in the cell tagged "parameters" (repeatable)
 *   --out DIR                folder for executed copies (default _build/runs)
 *   --timeout SECONDS        per-cell limit; the kernel is interrupted past it (default 120)
 *   --jobs N                 notebooks run at once, each in its own kernel (default 1)
 *   --kernel NAME            kernel to use instead of the notebook's own
 *   --server-url URL --token TOKEN   use a running Jupyter server instead of starting one
 *
 * @module
 */
import { parseArgs } from "node:util";
import { startServerOrExplain } from "./jupyter/server.ts";
import { parseParameterArgs } from "./notebook/parameters.ts";
import { expandNotebookPaths, runNotebooks } from "./notebook/runner.ts";
import { progressLine, summaryTable } from "./notebook/summary.ts";

/** Where `deno task run` writes executed copies by default: apart from the course build (`_build/notebooks/`). */
export const RUNS_DIR = "_build/runs";

const USAGE =
  "usage: deno task run [NOTEBOOK|FOLDER …] [-p name=value …] [--out DIR] [--timeout S] [--jobs N] " +
  "[--kernel NAME] [--server-url URL --token TOKEN]";

if (import.meta.main) Deno.exit(await main(Deno.args));

/** CLI entry; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        param: { type: "string", short: "p", multiple: true },
        out: { type: "string", default: RUNS_DIR },
        timeout: { type: "string", default: "120" },
        jobs: { type: "string", default: "1" },
        kernel: { type: "string" },
        "server-url": { type: "string" },
        token: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const v = parsed.values;
  if (v.help) {
    console.log(USAGE);
    return 0;
  }
  let paths: string[];
  let parameters;
  try {
    paths = await expandNotebookPaths(parsed.positionals.length ? parsed.positionals : ["notebooks"]);
    parameters = parseParameterArgs(v.param ?? []);
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (paths.length === 0) {
    console.error("No notebooks to run.");
    return 2;
  }
  const server = await startServerOrExplain({ url: v["server-url"], token: v.token });
  if (!server) return 3;
  try {
    const results = await runNotebooks(server, paths, {
      outDir: v.out,
      parameters,
      cellTimeoutSeconds: Number(v.timeout),
      jobs: Number(v.jobs),
      kernelName: v.kernel,
      onProgress: (e) => e.kind === "end" && console.log(progressLine(e.result)),
    });
    console.log("\n" + summaryTable(results));
    const written = results.map((r) => r.outPath).filter((p) => p.length > 0);
    if (written.length > 0) console.log(`\nExecuted copies: ${written.join(", ")}`);
    return results.every((r) => r.status === "passed") ? 0 : 1;
  } finally {
    await server.stop();
  }
}

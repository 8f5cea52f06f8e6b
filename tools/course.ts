/**
 * `deno task course [--jobs N] [-p name=value …] [--out DIR] [NOTEBOOK|FOLDER …]`: execute every notebook of
 * the course through a real Jupyter server and write `_build/`: the executed notebooks (outputs and SVG charts)
 * and a reproducibility report (report.md, report.html, claims.json). Exits non-zero if any notebook failed.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { startServerOrExplain } from "./jupyter/server.ts";
import { parseParameterArgs } from "./notebook/parameters.ts";
import { writeReport } from "./notebook/report.ts";
import { expandNotebookPaths, runNotebooks } from "./notebook/runner.ts";
import { progressLine, summaryTable } from "./notebook/summary.ts";

if (import.meta.main) Deno.exit(await main(Deno.args));

/** CLI entry; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      jobs: { type: "string", default: String(Math.min(2, navigator.hardwareConcurrency || 1)) },
      out: { type: "string", default: "_build" },
      timeout: { type: "string", default: "300" },
      param: { type: "string", short: "p", multiple: true },
    },
  });
  const paths = await expandNotebookPaths(positionals.length ? positionals : ["notebooks"]);
  const parameters = parseParameterArgs(values.param ?? []);
  const jobs = Number(values.jobs);
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const server = await startServerOrExplain();
  if (!server) return 3;
  const serverStartSeconds = (performance.now() - t0) / 1000;
  console.log(
    `Running ${paths.length} notebooks, ${jobs} at a time (server up in ${serverStartSeconds.toFixed(1)} s)`,
  );
  let results;
  try {
    results = await runNotebooks(server, paths, {
      outDir: values.out,
      jobs,
      parameters,
      cellTimeoutSeconds: Number(values.timeout),
      onProgress: (e) => e.kind === "end" && console.log(progressLine(e.result)),
    });
  } finally {
    await server.stop();
  }
  const info = {
    startedAt,
    wallSeconds: (performance.now() - t0) / 1000,
    serverStartSeconds,
    jobs,
    deno: Deno.version.deno,
    cores: navigator.hardwareConcurrency,
    parameters,
  };
  const files = await writeReport(values.out!, results, info);
  console.log("\n" + summaryTable(results));
  console.log(`Wall time ${info.wallSeconds.toFixed(1)} s. Report: ${files.join(", ")}`);
  return results.every((r) => r.status === "passed") ? 0 : 1;
}

/**
 * The runner's own costs, through a real Jupyter server: starting a Deno kernel, the round trip of a trivial
 * cell, and every course notebook's wall time. A cell's round trip includes the barrier request the runner
 * sends behind it to collect the outputs the kernel publishes late (tools/notebook/execute.ts): ≈ 16–18 ms on
 * the project's 2-core machine, 21 ms with two CPU-bound processes alongside (23 and 25 with the 15 ms quiet
 * drain the runner used before).
 *
 * @module
 */
import { JupyterNotFoundError, type JupyterServer, startJupyterServer } from "../jupyter/server.ts";
import { executeNotebook } from "../notebook/execute.ts";
import type { Notebook } from "../notebook/nbformat.ts";
import { expandNotebookPaths, runNotebook } from "../notebook/runner.ts";
import type { Workload } from "./workload.ts";

let shared: Promise<JupyterServer | string> | null = null;

/** One server for all Jupyter workloads, or the reason there is none. Stopped by {@linkcode stopBenchServer}. */
function server(): Promise<JupyterServer | string> {
  return shared ??= startJupyterServer().catch((e) =>
    e instanceof JupyterNotFoundError
      ? "no Jupyter server installed"
      : `Jupyter failed: ${(e as Error).message}`
  );
}

/** Stop the shared server if one was started. */
export async function stopBenchServer(): Promise<void> {
  const s = await shared;
  if (s && typeof s !== "string") await s.stop();
  shared = null;
}

function trivialNotebook(cells: number): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "deno" } },
    cells: Array.from({ length: cells }, (_, i) => ({
      cell_type: "code" as const,
      source: `${i}`,
      metadata: {},
      outputs: [],
      execution_count: null,
    })),
  };
}

/** Kernel start, per-cell overhead, and each notebook under `folder` (ids `jupyter.*`, `notebook.*`). */
export async function jupyterWorkloads(folder = "notebooks"): Promise<Workload[]> {
  const cellsPerRun = 20;
  const list: Workload[] = [
    {
      id: "jupyter.kernel-start",
      group: "Jupyter runner (ms)",
      label: "Deno kernel start (request → ready)",
      repeats: { min: 3, max: 5, budgetMs: 0 },
      setup: async () => {
        const s = await server();
        if (typeof s === "string") return s;
        let ms = 0;
        return {
          run: async () => {
            const r = await executeNotebook(s, trivialNotebook(0), { path: "notebooks/bench.ipynb" });
            ms = r.kernelStartSeconds * 1000;
          },
          measure: () => ms,
        };
      },
    },
    {
      id: "jupyter.cell",
      group: "Jupyter runner (ms)",
      label: `trivial cell round trip (mean of ${cellsPerRun})`,
      repeats: { min: 3, max: 5, budgetMs: 0 },
      target: { on: "value", op: "<=", bound: 25, text: "trivial cell ≤ 25 ms" },
      setup: async () => {
        const s = await server();
        if (typeof s === "string") return s;
        // Report per cell: the run's cell time divided by the number of cells (kernel start excluded).
        let perCell = 0;
        return {
          run: async () => {
            const r = await executeNotebook(s, trivialNotebook(cellsPerRun), {
              path: "notebooks/bench.ipynb",
            });
            perCell = r.executeSeconds * 1000 / cellsPerRun;
          },
          measure: () => perCell,
        };
      },
    },
  ];
  let paths: string[] = [];
  try {
    paths = await expandNotebookPaths([folder]);
  } catch { /* no notebooks folder */ }
  for (const path of paths) {
    list.push({
      id: `notebook.${path.split("/").pop()!.replace(/\.ipynb$/, "")}`,
      group: "Notebooks through the runner, one at a time (s)",
      label: path,
      repeats: { min: 1, max: 1, budgetMs: 0 },
      unit: "s",
      target: { on: "value", op: "<=", bound: 60, text: "each notebook < 60 s" },
      setup: async () => {
        const s = await server();
        if (typeof s === "string") return s;
        const out = await Deno.makeTempDir({ prefix: "lm-bench-" });
        let seconds = 0;
        return {
          warmup: false,
          run: async () => {
            const r = await runNotebook(s, path, { outDir: out });
            if (r.status !== "passed") throw new Error(`${path}: ${r.status}: ${r.message}`);
            seconds = r.seconds;
          },
          measure: () => seconds * 1000,
          dispose: () => Deno.remove(out, { recursive: true }),
        };
      },
    });
  }
  return list;
}

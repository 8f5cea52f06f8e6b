/**
 * The notebook runner against a real Jupyter server and real Deno kernels: outputs, parameters, and every
 * kind of bad input (DESIGN.md, "Executing notebooks"; issue "Course foundation", "Bad input").
 */
import { assert, assertEquals } from "../lib/_assert.ts";
import { startJupyterServer } from "../tools/jupyter/server.ts";
import { executeNotebook } from "../tools/notebook/execute.ts";
import { type Notebook, readNotebook, sourceOf } from "../tools/notebook/nbformat.ts";
import { runNotebook, runNotebooks } from "../tools/notebook/runner.ts";

const FX = "tests/fixtures";

/**
 * Cells whose outputs the Deno kernel often publishes after it reports idle (tools/notebook/execute.ts): the
 * cell's result, prints, displays (awaited or not), a promise callback and a zero-delay timer. Cell i prints
 * only tokens "<kind> i"; the last cell also fails after scheduling a timer.
 */
function lateOutputsNotebook(cells: number): { nb: Notebook; expected: string[][] } {
  const kinds: ((i: number) => string[])[] = [
    (i) => [`"result ${i}"`],
    (i) => [`console.log("log ${i}");`, `console.error("err ${i}");`],
    (i) => [`await Deno.jupyter.display({ "text/plain": "display ${i}" }, { raw: true });`],
    (i) => [`void Deno.jupyter.display({ "text/plain": "display ${i}" }, { raw: true });`],
    (i) => [`void Promise.resolve().then(() => console.log("then ${i}"));`],
    (i) => [`setTimeout(() => console.log("timer ${i}"), 0);`, `undefined`],
  ];
  const expected: string[][] = [];
  const sources: string[] = [];
  for (let i = 0; i < cells; i++) {
    // Every cell also prints from a timer, the output most often published after idle.
    const lines = kinds[i % kinds.length](i);
    const tokens = lines.join("\n").match(/(result|log|err|display|then|timer) \d+/g) ?? [];
    sources.push([`setTimeout(() => console.log("late ${i}"), 0);`, ...lines].join("\n"));
    expected.push([...tokens, `late ${i}`]);
  }
  const last = cells;
  sources.push(
    `console.log("log ${last}");\nsetTimeout(() => console.log("late ${last}"), 0);\nthrow new Error("stop");`,
  );
  expected.push([`log ${last}`, `late ${last}`]);
  return { nb: codeNotebook(sources), expected };
}

/** A notebook for the Deno kernel with one code cell per source. */
function codeNotebook(sources: string[]): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "deno" } },
    cells: sources.map((source) => ({
      cell_type: "code" as const,
      source,
      metadata: {},
      outputs: [],
      execution_count: null,
    })),
  };
}

function text(outputs: unknown[]): string {
  return outputs.map((o) => {
    const out = o as { text?: string[] | string; data?: Record<string, unknown> };
    const t = out.text ?? out.data?.["text/plain"] ?? "";
    return Array.isArray(t) ? t.join("") : String(t);
  }).join("|");
}

Deno.test("the notebook runner", async (t) => {
  const out = await Deno.makeTempDir({ prefix: "lm-runner-test-" });
  const server = await startJupyterServer();
  try {
    await t.step(
      "runs a notebook, collects its claim and writes the executed copy, not the source",
      async () => {
        const before = await Deno.readTextFile(`${FX}/params.ipynb`);
        const r = await runNotebook(server, `${FX}/params.ipynb`, { outDir: out });
        assertEquals(r.status, "passed", r.message);
        assertEquals(r.claims.map((c) => [c.name, c.passed]), [["seed is even", true]]);
        assertEquals(await Deno.readTextFile(`${FX}/params.ipynb`), before);
        assertEquals(r.outPath, `${out}/tests/fixtures/params.ipynb`);
        const executed = await readNotebook(r.outPath);
        assert(text(executed.cells[2].outputs!).includes("seed=0 label=a"));
      },
    );

    await t.step("overrides declarations in the cell tagged parameters, keeping their types", async () => {
      const r = await runNotebook(server, `${FX}/params.ipynb`, {
        outDir: out,
        parameters: { seed: 3, label: "b" },
      });
      assertEquals(r.status, "claims-failed", "seed 3 is odd: the fixture's claim must fail");
      const executed = await readNotebook(r.outPath);
      assert(sourceOf(executed.cells[1]).includes("const seed = 3;"), sourceOf(executed.cells[1]));
      assert(text(executed.cells[2].outputs!).includes("seed=3 label=b"));
    });

    await t.step("rejects an unknown parameter by name and lists the declared ones", async () => {
      const r = await runNotebook(server, `${FX}/params.ipynb`, { outDir: out, parameters: { sead: 1 } });
      assertEquals(r.status, "invalid");
      assert(r.message.includes("unknown parameter sead") && r.message.includes("seed, label"), r.message);
    });

    await t.step("names a file that is not JSON, or not nbformat 4, and goes on with the rest", async () => {
      const results = await runNotebooks(server, [
        `${FX}/not_json.ipynb`,
        `${FX}/old_format.ipynb`,
        `${FX}/params.ipynb`,
      ], {
        outDir: out,
      });
      assertEquals(results.map((r) => r.status), ["invalid", "invalid", "passed"]);
      assert(results[0].message.startsWith(`${FX}/not_json.ipynb: is not valid JSON`), results[0].message);
      assert(results[1].message.includes(`"nbformat" is 3, not 4`), results[1].message);
    });

    await t.step("stops at the first error and reports its cell and traceback", async () => {
      const r = await runNotebook(server, `${FX}/error.ipynb`, { outDir: out, require: "none" });
      assertEquals(r.status, "cell-error");
      assertEquals(r.failure?.cellIndex, 1);
      assertEquals([r.failure?.ename, r.failure?.evalue], ["RangeError", "bad value 42"]);
      assert(r.failure!.traceback.join("\n").includes("deep"), r.failure!.traceback.join("\n"));
      const executed = await readNotebook(r.outPath);
      assertEquals(executed.cells[2].outputs, [], "cells after the error are not run");
    });

    await t.step(
      "interrupts a cell that never ends, reports the timeout, and runs the next notebook",
      async () => {
        // The next notebook imports nothing, so that 2 s is ample for it even on a loaded machine.
        const [loop, next] = await runNotebooks(
          server,
          [`${FX}/infinite_loop.ipynb`, `${FX}/progress.ipynb`],
          {
            outDir: out,
            cellTimeoutSeconds: 2,
            require: "none",
          },
        );
        assertEquals(loop.status, "cell-error");
        assertEquals([loop.failure?.kind, loop.failure?.cellIndex], ["timeout", 1]);
        assert(loop.message.includes("did not finish within 2 s"), loop.message);
        assertEquals(next.status, "passed", next.message);
      },
    );

    await t.step("reports a kernel that dies, with the cell that killed it", async () => {
      const r = await runNotebook(server, `${FX}/dies.ipynb`, { outDir: out, require: "none" });
      assertEquals(r.status, "cell-error");
      assertEquals([r.failure?.kind, r.failure?.cellIndex], ["dead-kernel", 1]);
      assert(r.message.includes("the kernel died while running cell 1"), r.message);
    });

    await t.step("loses no output, including those published after the kernel reports idle", async () => {
      const r = await runNotebook(server, `${FX}/many_outputs.ipynb`, { outDir: out, require: "none" });
      assertEquals(r.status, "passed", r.message);
      const executed = await readNotebook(r.outPath);
      executed.cells.forEach((cell, i) => {
        // Each of this cell's outputs exactly once, and none of another cell's.
        const all = text(cell.outputs!);
        const found = (all.match(/\b(out|log|late) \d+\b/g) ?? []).sort();
        assertEquals(found, [`late ${i}`, `log ${i}`, `out ${i}`], `cell ${i}: ${all}`);
      });
    });

    await t.step(
      "files every late output under the cell that produced it, a failing cell's too",
      async () => {
        // 5 runs of 61 cells. With the next cell sent as soon as the kernel reports idle (`barrier: false,
        // drainMs: 0`), about 1% of the timer prints land in the next cell, and this step failed 6 times out of 6.
        for (let run = 0; run < 5; run++) {
          const { nb, expected } = lateOutputsNotebook(60);
          const { notebook, failure } = await executeNotebook(server, nb, {
            path: `${FX}/late_outputs.ipynb`,
          });
          assertEquals([failure?.cellIndex, failure?.evalue], [60, "stop"]);
          notebook.cells.forEach((cell, i) => {
            const all = text(cell.outputs!);
            const found = (all.match(/\b(result|log|err|display|then|timer|late) \d+\b/g) ?? []).sort();
            assertEquals(found, [...expected[i]].sort(), `run ${run}, cell ${i}: ${all}`);
            assertEquals(cell.execution_count, i + 1);
          });
        }
      },
    );

    await t.step(
      "with continueAfterError, goes on after a cell that raised and reports every error",
      async () => {
        const cells = [
          'console.log("a");',
          'throw new Error("first");',
          'console.log("b");',
          "null.x;",
          '"c"',
        ];
        const nb = codeNotebook(cells);
        const path = `${FX}/continue_after_error.ipynb`;
        const stops = await executeNotebook(server, nb, { path });
        assertEquals([stops.failure?.cellIndex, stops.errors.length], [1, 1]);
        assertEquals(stops.notebook.cells[2].outputs, []);
        const goes = await executeNotebook(server, nb, { path, continueAfterError: true });
        assertEquals(goes.errors.map((e) => [e.cellIndex, e.ename]), [[1, "Error"], [3, "TypeError"]]);
        assertEquals(goes.failure?.cellIndex, 1);
        assert(text(goes.notebook.cells[2].outputs!).includes("b"));
        assert(text(goes.notebook.cells[4].outputs!).includes("c"));
        const some = await executeNotebook(server, nb, { path, continueAfterError: (f) => f.cellIndex < 2 });
        assertEquals(some.errors.map((e) => e.cellIndex), [1, 3]);
        assertEquals(some.notebook.cells[4].outputs, []);
      },
    );

    await t.step("replaces an output updated through its display_id instead of appending", async () => {
      const r = await runNotebook(server, `${FX}/progress.ipynb`, { outDir: out, require: "none" });
      const executed = await readNotebook(r.outPath);
      assertEquals(executed.cells[0].outputs!.length, 1);
      assertEquals(text(executed.cells[0].outputs!), "step 50");
    });

    await t.step("fails a notebook whose claim fails, and one that makes no claim", async () => {
      const [bad, none] = await runNotebooks(server, [`${FX}/failing_claim.ipynb`, `${FX}/progress.ipynb`], {
        outDir: out,
      });
      assertEquals(bad.status, "claims-failed");
      assert(bad.message.includes("two is three"), bad.message);
      assertEquals(none.status, "no-claims");
    });
  } finally {
    await server.stop();
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("without Jupyter the run command says how to install it and exits with code 3", async () => {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "tools/run.ts", `${FX}/params.ipynb`],
    env: { JUPYTER_SERVER_CMD: "/nonexistent/jupyter-server" },
    stdout: "null",
    stderr: "piped",
  }).output();
  const message = new TextDecoder().decode(stderr);
  assertEquals(code, 3);
  assert(message.includes("No Jupyter server found"), message);
  assert(message.includes("apt-get install -y python3-jupyter-server"), message);
  assert(message.includes("pip install jupyterlab"), message);
});

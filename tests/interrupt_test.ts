/**
 * Interrupt (■) keeps the kernel (lib/interrupt.ts), through the runner and a real Jupyter server:
 * interrupting a library loop, synchronous or asynchronous, stops that cell with an "Interrupted" error and a
 * later cell still reads an earlier variable; interrupting code of the notebook's own that never returns ends
 * the kernel. Both with the runner's private kernelspec and with the one `deno task lab` installs (Binder's
 * postBuild installs the same one: tests/binder_test.ts).
 */
import { assert, assertEquals } from "../lib/_assert.ts";
import { startJupyterServer } from "../tools/jupyter/server.ts";
import { installKernelspec } from "../tools/lab.ts";
import { executeNotebook } from "../tools/notebook/execute.ts";
import { readNotebook } from "../tools/notebook/nbformat.ts";
import type { Output } from "../tools/notebook/nbformat.ts";

const FX = "tests/fixtures";

function text(outputs: Output[] | undefined): string {
  return (outputs ?? []).map((o) => {
    if (o.output_type === "stream") return Array.isArray(o.text) ? o.text.join("") : o.text;
    if (o.output_type === "error") return `${o.ename}: ${o.evalue}`;
    return JSON.stringify(o.data?.["text/plain"] ?? "");
  }).join("");
}

async function interruptLibraryLoops(installedKernelspecs?: string) {
  const server = await startJupyterServer({ installedKernelspecs });
  try {
    const path = `${FX}/interrupt_library_loop.ipynb`;
    const t0 = performance.now();
    const exec = await executeNotebook(server, await readNotebook(path), {
      path,
      cellTimeoutSeconds: 60,
      continueAfterError: (f) => f.ename === "InterruptedError",
    });
    const seconds = (performance.now() - t0) / 1000;
    const cells = exec.notebook.cells;
    assertEquals(exec.errors.map((e) => [e.cellIndex, e.ename]), [[1, "InterruptedError"], [
      2,
      "InterruptedError",
    ]]);
    const sync = exec.errors[0].evalue, async_ = exec.errors[1].evalue;
    assert(
      /^Interrupted: trainDeepLinear stopped at step \d+; the kernel and your variables are kept\.$/.test(
        sync,
      ),
      sync,
    );
    assert(
      /^Interrupted: (trainFullBatch stopped at step|lanczosEigenvalues stopped at iteration) \d+; the kernel and your variables are kept\.$/
        .test(async_),
      async_,
    );
    assertEquals(text(cells[3].outputs).trim(), "kept = 42, theta has 8 entries");
    // Each loop runs for minutes unless interrupted; the interrupts came after 1 s each.
    assert(seconds < 40, `the notebook took ${seconds.toFixed(1)} s: an interrupt did not stop its loop`);
  } finally {
    await server.stop();
  }
}

Deno.test("interrupting a library loop stops the cell and keeps the kernel and its variables", async () => {
  await interruptLibraryLoops();
});

Deno.test("the kernelspec `deno task lab` installs keeps the kernel on interrupt too", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "lm-interrupt-lab-" });
  try {
    await installKernelspec(dataDir);
    await interruptLibraryLoops(dataDir);
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});

Deno.test("Jupyter's own interrupt request (the runner's, past a cell's timeout) stops a library loop", async () => {
  const server = await startJupyterServer();
  try {
    const path = `${FX}/interrupt_library_loop.ipynb`;
    const nb = await readNotebook(path);
    // The first two cells, without the self-interrupt: the runner interrupts the kernel through Jupyter.
    nb.cells = nb.cells.slice(0, 2).map((c) => ({
      ...c,
      source: (Array.isArray(c.source) ? c.source.join("") : c.source).replace("interruptIn(1);", ""),
    }));
    const exec = await executeNotebook(server, nb, { path, cellTimeoutSeconds: 4 });
    assertEquals([exec.failure?.kind, exec.failure?.cellIndex], ["timeout", 1]);
    // It stopped within the runner's 3 s of patience: not "did not respond and was shut down".
    assert(!exec.failure!.evalue.includes("did not respond"), exec.failure!.evalue);
    const out = text(exec.notebook.cells[1].outputs);
    assert(out.includes("InterruptedError: Interrupted: trainDeepLinear stopped at step"), out);
  } finally {
    await server.stop();
  }
});

Deno.test("interrupting synchronous code of the notebook's own ends the kernel after 2 s", async () => {
  const server = await startJupyterServer();
  try {
    const path = `${FX}/interrupt_own_loop.ipynb`;
    const t0 = performance.now();
    const exec = await executeNotebook(server, await readNotebook(path), { path, cellTimeoutSeconds: 30 });
    const seconds = (performance.now() - t0) / 1000;
    assertEquals([exec.failure?.kind, exec.failure?.cellIndex], ["dead-kernel", 1]);
    assert(seconds < 20, `took ${seconds.toFixed(1)} s: the kernel was not ended after the interrupt`);
  } finally {
    await server.stop();
  }
});

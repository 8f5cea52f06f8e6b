/**
 * Claims must not depend on the backend: a notebook whose claims go through TensorFlow.js is executed with the
 * pure-JavaScript `cpu` backend forced (`LM_BACKEND=cpu`), and must reproduce the same claims as on wasm.
 * The other tests run every notebook as a user's machine would (on OpenBLAS where CI installs it); here the
 * notebook whose claims lean hardest on matrix products and Hessian-vector products (07) also runs with
 * OpenBLAS turned off (`LM_BLAS=off`), on the XNNPACK kernels.
 */
import { assertEquals } from "../lib/_assert.ts";
import { startJupyterServer } from "../tools/jupyter/server.ts";
import { runNotebook } from "../tools/notebook/runner.ts";

Deno.test("notebook 00 reproduces its claims on the cpu backend too", async () => {
  const out = await Deno.makeTempDir({ prefix: "lm-backend-test-" });
  const server = await startJupyterServer({ kernelEnv: { LM_BACKEND: "cpu" } });
  try {
    const r = await runNotebook(server, "notebooks/00_orientation.ipynb", {
      outDir: out,
      parameters: { steps: 30 },
      cellTimeoutSeconds: 300,
    });
    assertEquals(r.backend, "cpu");
    assertEquals([r.status, r.message], ["passed", ""]);
  } finally {
    await server.stop();
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("notebook 07 reproduces its claims with OpenBLAS turned off (matMul on XNNPACK)", async () => {
  const out = await Deno.makeTempDir({ prefix: "lm-backend-test-" });
  const server = await startJupyterServer({ kernelEnv: { LM_BLAS: "off" } });
  try {
    const r = await runNotebook(server, "notebooks/07_edge_of_stability.ipynb", {
      outDir: out,
      cellTimeoutSeconds: 300,
    });
    assertEquals(r.backend, "wasm");
    assertEquals([r.status, r.message], ["passed", ""]);
  } finally {
    await server.stop();
    await Deno.remove(out, { recursive: true });
  }
});

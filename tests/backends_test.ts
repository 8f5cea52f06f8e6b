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

/** Runs one notebook in a kernel with `env` set; returns the backend it reported, its status and message. */
async function runWith(
  env: Record<string, string>,
  notebook: string,
  parameters: Record<string, number> = {},
): Promise<[string, string, string]> {
  const out = await Deno.makeTempDir({ prefix: "lm-backend-test-" });
  const server = await startJupyterServer({ kernelEnv: env });
  try {
    const r = await runNotebook(server, notebook, { outDir: out, parameters, cellTimeoutSeconds: 300 });
    return [r.backend, r.status, r.message];
  } finally {
    await server.stop();
    await Deno.remove(out, { recursive: true });
  }
}

Deno.test("notebook 00 reproduces its claims on the cpu backend too", async () => {
  const [backend, status, message] = await runWith(
    { LM_BACKEND: "cpu" },
    "notebooks/00_orientation.ipynb",
    { steps: 30 },
  );
  assertEquals(backend, "cpu");
  assertEquals([status, message], ["passed", ""]);
});

Deno.test("notebook 07 reproduces its claims with OpenBLAS turned off (matMul on XNNPACK)", async () => {
  const [backend, status, message] = await runWith(
    { LM_BLAS: "off" },
    "notebooks/07_edge_of_stability.ipynb",
  );
  assertEquals(backend, "wasm");
  assertEquals([status, message], ["passed", ""]);
});

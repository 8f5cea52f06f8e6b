import { startJupyterServer } from "../jupyter/server.ts";
import { executeNotebook } from "../notebook/execute.ts";
const t0 = performance.now();
const server = await startJupyterServer({ rootDir: "/work/main" });
console.log("server up", (performance.now() - t0).toFixed(0), "ms", server.baseUrl);
const cells = [
  `const x: number = 1 + 1; x`,
  `console.log("hello"); await Deno.jupyter.display({"text/plain": "raw bundle", "text/html": "<b>hi</b>"}, {raw: true}); 42`,
  ...Array.from({length: 20}, (_, i) => `${i}`),
  `Deno.cwd()`,
  `import * as tf from "@tensorflow/tfjs-core"; tf.version_core`,
  `throw new Error("boom")`,
  `"never"`,
];
const nb = { nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "deno" } }, cells: cells.map((s) => ({ cell_type: "code" as const, source: s, metadata: {}, outputs: [], execution_count: null })) };
const t1 = performance.now();
const r = await executeNotebook(server, nb, { path: "notebooks/smoke.ipynb", onCell: (c) => {} });
console.log("exec", (performance.now() - t1).toFixed(0), "ms; kernel start", r.kernelStartSeconds.toFixed(2), "s");
console.log(JSON.stringify(r.notebook.cells.slice(22).map((c) => c.outputs)));
console.log(r.failure);
console.log(r.cellSeconds.map((c) => (c.seconds * 1000).toFixed(0)).join(" "));
await server.stop();

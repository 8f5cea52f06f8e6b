/**
 * Times one Hessian-vector product (and one gradient, for scale) on the MLP 64→512→512→1, ReLU, MSE,
 * batch 256: median of several runs after a warm-up, on wasm with and without the matMul fix of
 * `lib/wasm_matmul.ts`, and on cpu. Run: `deno run -A lib/measure/hvp_bench.ts [--runs 7] [--no-cpu]`.
 * The numbers go into the doc comment of `hessianVectorProduct` (`./hvp.ts`).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { mse } from "../autodiff/mod.ts";
import { initBackend } from "../backend.ts";
import { initMlp, mlpForward, type MlpSpec } from "../models/mlp.ts";
import { rng } from "../random.ts";
import { patchWasmMatMul, unpatchWasmMatMul } from "../wasm_matmul.ts";
import { hessianVectorProduct } from "./hvp.ts";

const runs = Number(Deno.args[Deno.args.indexOf("--runs") + 1]) || 7;
const spec: MlpSpec = { sizes: [64, 512, 512, 1], activation: "relu" };
const n = 256;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time(fn: () => tf.Tensor[], repeats: number): number {
  tf.dispose(fn()); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    const out = fn();
    for (const t of out) t.dataSync(); // wait for the values
    ms.push(performance.now() - t0);
    tf.dispose(out);
  }
  return median(ms);
}

async function measure(label: string, setup: () => Promise<void>, repeats: number): Promise<void> {
  await setup();
  const r = rng(0);
  const x = tf.tensor2d(Float32Array.from(r.normals(n * 64)), [n, 64]);
  const y = tf.tensor2d(Float32Array.from(r.normals(n)), [n, 1]);
  const params = initMlp(spec, { seed: 1 });
  const v = params.map((p) => tf.tensor(Float32Array.from(r.normals(p.size)), p.shape));
  const loss = (ps: tf.Tensor[]) => mse(mlpForward(spec, ps, x), y);
  const grad = () => tf.tidy(() => tf.grads((...ps: tf.Tensor[]) => loss(ps))(params));
  const gradMs = time(grad, repeats);
  const hvpMs = time(() => hessianVectorProduct(loss, params, v), repeats);
  console.log(
    `${label.padEnd(22)} gradient ${gradMs.toFixed(1).padStart(7)} ms   HVP ${
      hvpMs.toFixed(1).padStart(7)
    } ms`,
  );
  tf.dispose([x, y, ...params, ...v]);
}

console.log(`MLP ${spec.sizes.join("→")}, ${spec.activation}, MSE, batch ${n}; median of ${runs}`);
await measure("wasm + matMul fix", async () => {
  await initBackend({ prefer: ["wasm"] });
  patchWasmMatMul();
}, runs);
await measure("wasm, stock kernels", async () => {
  await initBackend({ prefer: ["wasm"] });
  unpatchWasmMatMul();
}, runs);
if (!Deno.args.includes("--no-cpu")) {
  await measure("cpu", async () => {
    await initBackend({ prefer: ["cpu"] });
  }, Math.min(runs, 3));
}

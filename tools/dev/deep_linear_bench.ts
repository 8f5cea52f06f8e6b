/**
 * Times one GD step of the two-layer linear network of `./deep_linear.ts` in plain `Float64Array` loops
 * (`trainDeepLinear`) against the same step written with tfjs ops (float32, wasm backend with the matMul
 * fix), at d = 8, 16 and the digits' 64 → 16 → 10. Run: `deno run -A lib/train/deep_linear_bench.ts`.
 * The numbers go into the doc comment of `./deep_linear.ts`.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { initBackend } from "../../lib/backend.ts";
import { patchWasmMatMul } from "../../lib/wasm_matmul.ts";
import { rng } from "../../lib/random.ts";
import { type DeepLinearProblem, trainDeepLinear } from "../../lib/train/deep_linear.ts";

await initBackend({ prefer: ["wasm"] });
patchWasmMatMul();

function problem(dIn: number, dOut: number): DeepLinearProblem {
  const r = rng(0);
  const sigmaXX = new Float64Array(dIn * dIn);
  for (let i = 0; i < dIn; i++) sigmaXX[i * dIn + i] = 1;
  return { dIn, dOut, sigmaXX, sigmaYX: r.normals(dOut * dIn), traceYY: 1 };
}

function weights(rows: number, cols: number, seed: number): number[][] {
  const r = rng(seed);
  return Array.from({ length: rows }, () => Array.from(r.normals(cols, 0.1)));
}

function float64Step(p: DeepLinearProblem, h: number, steps: number): number {
  const W1 = weights(h, p.dIn, 1), W2 = weights(p.dOut, h, 2);
  trainDeepLinear(p, { W1, W2, eta: 1e-3, steps: 200 }); // warm-up (JIT)
  const t0 = performance.now();
  trainDeepLinear(p, { W1, W2, eta: 1e-3, steps });
  return ((performance.now() - t0) / steps) * 1000;
}

function tfjsStep(p: DeepLinearProblem, h: number, steps: number): number {
  const sxx = tf.tensor2d(Float32Array.from(p.sigmaXX), [p.dIn, p.dIn]);
  const syx = tf.tensor2d(Float32Array.from(p.sigmaYX), [p.dOut, p.dIn]);
  let w1 = tf.tensor2d(weights(h, p.dIn, 1)), w2 = tf.tensor2d(weights(p.dOut, h, 2));
  const step = () => {
    const [n1, n2] = tf.tidy(() => {
      const e = tf.sub(tf.matMul(tf.matMul(w2, w1), sxx), syx);
      const g1 = tf.matMul(w2, e, true, false);
      const g2 = tf.matMul(e, w1, false, true);
      return [tf.sub(w1, tf.mul(1e-3, g1)), tf.sub(w2, tf.mul(1e-3, g2))];
    });
    tf.dispose([w1, w2]);
    w1 = n1 as tf.Tensor2D;
    w2 = n2 as tf.Tensor2D;
  };
  for (let i = 0; i < 50; i++) step();
  w1.dataSync();
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) step();
  w1.dataSync();
  const us = ((performance.now() - t0) / steps) * 1000;
  tf.dispose([w1, w2, sxx, syx]);
  return us;
}

for (const [dIn, h, dOut] of [[8, 8, 8], [16, 16, 16], [64, 16, 10]]) {
  const p = problem(dIn, dOut);
  const f64 = float64Step(p, h, 5000);
  const tfj = tfjsStep(p, h, 1000);
  console.log(
    `${dIn}→${h}→${dOut}: Float64Array ${f64.toFixed(1).padStart(7)} µs/step   tfjs ${
      tfj.toFixed(1).padStart(7)
    } µs/step   ` +
      `(${(tfj / f64).toFixed(1)}×)`,
  );
}

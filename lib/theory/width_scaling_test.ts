import * as tf from "@tensorflow/tfjs-core";
import { assertClose, assertEquals } from "../_assert.ts";
import { mse } from "../autodiff/mod.ts";
import { initBackend } from "../backend.ts";
import { initMlp, mlpForward, type MlpSpec } from "../models/mlp.ts";
import { mlpLearningRates, type ParameterizationName } from "../models/parameterization.ts";
import { twoLayerWidthExponents } from "./width_scaling.ts";

Deno.test("twoLayerWidthExponents() gives the hand-derived exponents of SP, NTK and µP", () => {
  const pick = (k: ParameterizationName) => {
    const e = twoLayerWidthExponents(k);
    return [e.outputAtInit, e.readoutUpdate, e.featureDrivenUpdate, e.featureMovement, e.stableLearningRate];
  };
  assertEquals(pick("standard"), [0, 1, 0, -0.5, -1]);
  assertEquals(pick("ntk"), [0, 0, 0, -0.5, 0]);
  assertEquals(pick("mup"), [-0.5, 0, 0, 0, 0]);
  assertEquals(twoLayerWidthExponents("standard").featureMovementAtStableRate, -1.5);
});

Deno.test("twoLayerWidthExponents() does not depend on the µP base width or the fixed dimensions", () => {
  assertEquals(twoLayerWidthExponents("mup", { baseWidth: 64, d: 3, out: 1 }), twoLayerWidthExponents("mup"));
});

/** One full-batch SGD step at a width: ‖Δf‖/√n and relative movement of the pre-activations. */
function oneStep(kind: ParameterizationName, width: number): { df: number; dz: number } {
  const spec: MlpSpec = { sizes: [4, width, 2], parameterization: kind, bias: false };
  const params = initMlp(spec, { seed: 7 });
  const x = tf.randomNormal([8, 4], 0, 1, "float32", 1) as tf.Tensor2D;
  // Large targets: the error signal χ = f₀ − y is then ≈ −y at every width, whatever the random f₀.
  const y = tf.randomNormal([8, 2], 0, 20, "float32", 2) as tf.Tensor2D;
  const pre = (ps: tf.Tensor[]) => tf.matMul(x, ps[0] as tf.Tensor2D); // no multiplier needed: a ratio below
  const f0 = mlpForward(spec, params, x), z0 = pre(params);
  const rates = mlpLearningRates(spec, 1e-3);
  const grads = tf.grads((...ps: tf.Tensor[]) => mse(mlpForward(spec, ps, x), y))(params);
  const next = params.map((p, k) => tf.sub(p, tf.mul(grads[k], rates[k])));
  const f1 = mlpForward(spec, next, x), z1 = pre(next);
  const df = tf.norm(tf.sub(f1, f0)).dataSync()[0];
  const dz = tf.norm(tf.sub(z1, z0)).dataSync()[0] / tf.norm(z0).dataSync()[0];
  tf.dispose([...params, x, y, f0, z0, ...grads, ...next, f1, z1]);
  return { df, dz };
}

Deno.test("one real SGD step scales with width as the exponents predict", async () => {
  await initBackend({ prefer: ["cpu"] });
  const [n1, n2] = [256, 8192];
  for (const kind of ["standard", "ntk", "mup"] as const) {
    const e = twoLayerWidthExponents(kind, { d: 4, out: 2 });
    const a = oneStep(kind, n1), b = oneStep(kind, n2);
    const slope = (u: number, v: number) => Math.log(v / u) / Math.log(n2 / n1);
    assertClose(slope(a.df, b.df), Math.max(e.readoutUpdate, e.featureDrivenUpdate), 0.1, `${kind} Δf`);
    assertClose(slope(a.dz, b.dz), e.featureMovement, 0.1, `${kind} Δz/z`);
  }
  await initBackend({ prefer: ["wasm"] });
});

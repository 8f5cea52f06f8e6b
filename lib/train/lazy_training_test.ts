import * as tf from "@tensorflow/tfjs-core";
import { assert, assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { initBackend } from "../backend.ts";
import { lazyTrainingRun } from "./lazy_training.ts";
import { eigh } from "../linalg/eigh.ts";
import { mlpNtk } from "../measure/mlp_ntk.ts";
import { initMlp } from "../models/mlp.ts";
import { spherePoints } from "../data/sphere.ts";

await initBackend({ prefer: ["wasm"] });

const d = 4, xTrain = spherePoints(10, d, { seed: 1 }), xTest = spherePoints(6, d, { seed: 2 });
const yTrain = xTrain.map((x) => x[0] * x[1]);

Deno.test("lazyTrainingRun() finds a linear model exactly equal to its linearization", () => {
  // One weight layer: f = (σ/√d) x·w + b is linear in its parameters, so GD follows the closed form.
  const run = lazyTrainingRun({ sizes: [d, 1], parameterization: "ntk" }, {
    xTrain,
    yTrain,
    xTest,
    eta: 0.5,
    steps: 40,
    seed: 3,
  });
  assert(run.relativeGap < 1e-4, `gap ${run.relativeGap}`);
  assertClose(run.relativeNtkChange, 0, 1e-6);
  for (let i = 0; i < xTest.length; i++) assertClose(run.networkTest[i], run.linearizedTest[i], 1e-4);
});

Deno.test("lazyTrainingRun() sees weights, NTK and outputs move less from their linearization at larger width", () => {
  const at = (width: number) => {
    const runs = [0, 1, 2].map((seed) =>
      lazyTrainingRun({ sizes: [d, width, 1], parameterization: "ntk", bias: false }, {
        xTrain,
        yTrain,
        xTest,
        eta: 0.5,
        steps: 30,
        seed,
      })
    );
    const mean = (f: (r: (typeof runs)[0]) => number) => runs.reduce((s, r) => s + f(r), 0) / runs.length;
    return {
      w: mean((r) => r.relativeWeightChange),
      k: mean((r) => r.relativeNtkChange),
      g: mean((r) => r.relativeGap),
    };
  };
  const before = tf.memory().numTensors;
  const narrow = at(64), wide = at(1024);
  assertEquals(tf.memory().numTensors, before, "no tensors leak");
  // 16× the width: weight motion ∝ 1/√width predicts a factor 4.
  assert(narrow.w / wide.w > 2.5 && narrow.w / wide.w < 6, `weight change ratio ${narrow.w / wide.w}`);
  assert(narrow.k / wide.k > 2.5, `NTK change ratio ${narrow.k / wide.k}`);
  assert(narrow.g / wide.g > 2, `gap ratio ${narrow.g / wide.g}`);
});

Deno.test("lazyTrainingRun() returns the parameters before and after training, whose distance is the weight change", () => {
  const run = lazyTrainingRun({ sizes: [d, 16, 1], parameterization: "ntk", bias: false }, {
    xTrain,
    yTrain,
    xTest,
    eta: 0.5,
    steps: 10,
    seed: 4,
  });
  assertEquals(run.paramsInit.map((p) => p.length), [d * 16, 16]);
  assertEquals(run.paramsFinal.map((p) => p.length), [d * 16, 16]);
  let moved = 0;
  run.paramsInit.forEach((p, l) => p.forEach((v, i) => (moved += (run.paramsFinal[l][i] - v) ** 2)));
  assertClose(Math.sqrt(moved), run.weightChange, 1e-5);
});

Deno.test("lazyTrainingRun() names the step and loss where the network diverges though its linearization would not", () => {
  // Large targets drive a narrow network far from its linearization: the linear dynamics are stable at this η
  // (below the edge 2n/λ_max, in this loss's convention), the network is not.
  const spec = { sizes: [d, 8, 1], parameterization: "ntk" as const, bias: false };
  const params = initMlp(spec, { seed: 4 });
  const xt = tf.tensor2d(xTrain);
  const lambdaMax = eigh(mlpNtk(spec, params, xt)).values[0];
  tf.dispose([xt, ...params]);
  const before = tf.memory().numTensors;
  assertThrows(
    () =>
      lazyTrainingRun(spec, {
        xTrain,
        yTrain: yTrain.map((v) => 30 * v),
        xTest,
        eta: (1.5 * xTrain.length) / lambdaMax,
        steps: 40,
        seed: 4,
      }),
    RangeError,
    "diverged at step",
  );
  assertEquals(tf.memory().numTensors, before, "no tensors leak");
});

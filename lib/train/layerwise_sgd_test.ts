import * as tf from "@tensorflow/tfjs-core";
import { assert, assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { mse } from "../autodiff/mod.ts";
import { initBackend } from "../backend.ts";
import { trainLayerwiseSgd } from "./layerwise_sgd.ts";

// f = x a b (a: [2, 1], b: [1, 1]) — two tensors, so per-tensor learning rates matter.
const X = [[1, 0], [0, 2], [1, 1]], Y = [[1], [2], [0]];
const twoFactorLoss = (ps: tf.Tensor[], xb: tf.Tensor2D, yb: tf.Tensor2D) =>
  mse(tf.matMul(tf.matMul(xb, ps[0] as tf.Tensor2D), ps[1] as tf.Tensor2D), yb);

Deno.test("trainLayerwiseSgd() full batch matches GD with a different learning rate per tensor, by hand", async () => {
  await initBackend({ prefer: ["cpu"] });
  const x = tf.tensor2d(X), y = tf.tensor2d(Y);
  const a = tf.variable(tf.tensor2d([[0.5], [-0.3]])), b = tf.variable(tf.tensor2d([[0.8]]));
  const before = tf.memory().numTensors;
  const run = trainLayerwiseSgd(twoFactorLoss, [a, b], {
    x,
    y,
    learningRates: [0.1, 0.02],
    steps: 4,
    recordEvery: 1,
  });
  // The same in float64: L = (1/2n) Σ (b·(x·a) − y)², ∂L/∂a = (1/n) Σ r b x, ∂L/∂b = (1/n) Σ r (x·a).
  let av = [0.5, -0.3], bv = 0.8;
  const losses: number[] = [];
  for (let t = 0; t < 4; t++) {
    const u = X.map((row) => row[0] * av[0] + row[1] * av[1]);
    const r = u.map((ui, i) => bv * ui - Y[i][0]);
    losses.push(r.reduce((s, ri) => s + ri * ri, 0) / 6);
    const ga = [0, 1].map((j) => X.reduce((s, row, i) => s + r[i] * bv * row[j], 0) / 3);
    const gb = u.reduce((s, ui, i) => s + r[i] * ui, 0) / 3;
    av = av.map((v, j) => v - 0.1 * ga[j]);
    bv -= 0.02 * gb;
  }
  assertClose(a.dataSync()[0], av[0], 1e-6);
  assertClose(a.dataSync()[1], av[1], 1e-6);
  assertClose(b.dataSync()[0], bv, 1e-6);
  assertEquals(run.steps, [0, 1, 2, 3]);
  run.losses.forEach((l, t) => assertClose(l, losses[t], 1e-6));
  assertEquals(run.diverged, false);
  assertEquals(tf.memory().numTensors, before, "no tensor leaks");
  tf.dispose([x, y, a, b]);
  await initBackend({ prefer: ["wasm"] });
});

Deno.test("trainLayerwiseSgd() leaves a tensor with learning rate 0 untouched", () => {
  const x = tf.tensor2d(X), y = tf.tensor2d(Y);
  const a = tf.variable(tf.tensor2d([[0.5], [-0.3]])), b = tf.variable(tf.tensor2d([[0.8]]));
  trainLayerwiseSgd(twoFactorLoss, [a, b], {
    x,
    y,
    learningRates: [0, 0.05],
    steps: 5,
    batchSize: 2,
    seed: 4,
  });
  assertEquals(Array.from(a.dataSync()), Array.from(new Float32Array([0.5, -0.3])));
  assert(b.dataSync()[0] !== Math.fround(0.8), "b moved");
  tf.dispose([x, y, a, b]);
});

Deno.test("trainLayerwiseSgd() stops early and marks the run diverged when the loss blows up", () => {
  const x = tf.tensor2d(X), y = tf.tensor2d(Y);
  const a = tf.variable(tf.tensor2d([[0.5], [-0.3]])), b = tf.variable(tf.tensor2d([[0.8]]));
  const run = trainLayerwiseSgd(twoFactorLoss, [a, b], {
    x,
    y,
    learningRates: [50, 50],
    steps: 200,
    recordEvery: 1,
  });
  assert(run.diverged, "η = 50 diverges");
  assert(run.stepsTaken < 200, `stopped early, after ${run.stepsTaken} steps`);
  tf.dispose([x, y, a, b]);
});

Deno.test("trainLayerwiseSgd() with minibatches is reproducible for a seed", () => {
  const x = tf.tensor2d([[1], [2], [3], [4], [5]]), y = tf.tensor2d([[2], [4], [6], [8], [9]]);
  const final = (seed: number): number => {
    const w = tf.variable(tf.zeros([1, 1]));
    trainLayerwiseSgd((ps, xb, yb) => mse(tf.matMul(xb, ps[0] as tf.Tensor2D), yb), [w], {
      x,
      y,
      learningRates: [0.02],
      steps: 7,
      batchSize: 2,
      seed,
    });
    const v = w.dataSync()[0];
    w.dispose();
    return v;
  };
  assertEquals(final(1), final(1));
  assert(final(1) !== final(2), "another seed, another batch order");
  tf.dispose([x, y]);
});

Deno.test("trainLayerwiseSgd() rejects mismatched options with what was expected", () => {
  const x = tf.tensor2d(X), y = tf.tensor2d(Y);
  const w = tf.variable(tf.zeros([2, 1]));
  const loss = (ps: tf.Tensor[], xb: tf.Tensor2D, yb: tf.Tensor2D) =>
    mse(tf.matMul(xb, ps[0] as tf.Tensor2D), yb);
  assertThrows(
    () => trainLayerwiseSgd(loss, [w], { x, y, learningRates: [1, 2], steps: 1 }),
    RangeError,
    "(1), got 2",
  );
  assertThrows(
    () => trainLayerwiseSgd(loss, [w], { x, y, learningRates: [1], steps: 1, batchSize: 9 }),
    RangeError,
    "[1, 3]",
  );
  assertThrows(
    () => trainLayerwiseSgd(loss, [w], { x, y: tf.zeros([2, 1]), learningRates: [1], steps: 1 }),
    RangeError,
    "3 rows",
  );
  tf.dispose([x, y, w]);
});

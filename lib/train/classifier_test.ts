import * as tf from "@tensorflow/tfjs-core";
import { assert, assertThrows } from "../_assert.ts";
import { initBackend } from "../backend.ts";
import { initMlp } from "../models/mlp.ts";
import { rng } from "../random.ts";
import { trainClassifier } from "./classifier.ts";

function blobs(n: number, seed: number) {
  const r = rng(seed);
  const y = Int32Array.from({ length: n }, (_, i) => i % 3);
  const x = new Float64Array(n * 2);
  y.forEach((c, i) => {
    x[2 * i] = Math.cos((2 * Math.PI * c) / 3) + 0.2 * r.normal();
    x[2 * i + 1] = Math.sin((2 * Math.PI * c) / 3) + 0.2 * r.normal();
  });
  return { x, y, n, d: 2, classes: 3 };
}

Deno.test("trainClassifier() fits separable blobs, logs where asked, and leaks no tensors", async () => {
  await initBackend();
  const data = blobs(60, 1), spec = { sizes: [2, 16, 3] };
  const params = initMlp(spec, { seed: 0 });
  const before = tf.memory().numTensors;
  const seen: number[] = [];
  const log = trainClassifier(spec, params, data, {
    lr: 0.05,
    steps: 100,
    batchSize: 16,
    logAt: [50],
    onLog: (r) => seen.push(r.step),
  });
  assert(tf.memory().numTensors === before, `tensors leaked: ${tf.memory().numTensors - before}`);
  assert(seen.join() === "0,50,100", `logged at 0, 50, 100, got ${seen}`);
  assert(log[log.length - 1].accuracy === 1 && log[log.length - 1].loss < log[0].loss, "fits the blobs");
  tf.dispose(params);
});

Deno.test("trainClassifier() with weight decay ends with smaller weights", async () => {
  await initBackend();
  const data = blobs(30, 2), spec = { sizes: [2, 8, 3] };
  const norms = [0, 0.1].map((weightDecay) => {
    const params = initMlp(spec, { seed: 1 });
    trainClassifier(spec, params, data, { lr: 0.05, steps: 100, weightDecay, batchSize: 30, logAt: [] });
    const n = tf.tidy(() =>
      tf.addN(params.filter((p) => p.rank === 2).map((p) => tf.sum(tf.square(p)))).dataSync()[0]
    );
    tf.dispose(params);
    return n;
  });
  assert(norms[1] < norms[0], `decay shrinks the weights: ${norms}`);
});

Deno.test("trainClassifier() rejects a spec that does not match the data", async () => {
  await initBackend();
  const params = initMlp({ sizes: [3, 4, 3] }, { seed: 0 });
  assertThrows(
    () => trainClassifier({ sizes: [3, 4, 3] }, params, blobs(6, 0), { lr: 0.1, steps: 1 }),
    RangeError,
    "d = 2",
  );
  tf.dispose(params);
});

/** Four points on the axes, two classes: a problem any small MLP fits. */
const fourPoints = () => ({
  x: new Float64Array([1, 0, 0, 1, -1, 0, 0, -1]),
  y: new Int32Array([0, 1, 0, 1]),
  n: 4,
  d: 2,
  classes: 2,
});

Deno.test("trainClassifier() stops at a log whose loss is not finite and marks it diverged", async () => {
  await initBackend();
  const spec = { sizes: [2, 8, 2] };
  const params = initMlp(spec, { seed: 0 });
  const log = trainClassifier(spec, params, fourPoints(), {
    lr: 1e30,
    steps: 50,
    optimizer: "sgd",
    logAt: [0, 5, 10, 20, 30, 40],
  });
  params.forEach((p) => p.dispose());
  const last = log[log.length - 1];
  assert(
    last.diverged === true && last.step < 50,
    `expected a diverged record before step 50, got ${JSON.stringify(last)}`,
  );
});

Deno.test("trainClassifier() with loss mse fits the one-hot labels by squared error", async () => {
  await initBackend();
  const spec = { sizes: [2, 16, 2] };
  const params = initMlp(spec, { seed: 0 });
  const log = trainClassifier(spec, params, fourPoints(), { lr: 0.05, steps: 200, loss: "mse" });
  params.forEach((p) => p.dispose());
  const [first, last] = [log[0], log[log.length - 1]];
  assert(
    last.accuracy === 1 && last.loss < 0.1 * first.loss,
    `expected a fit, got ${JSON.stringify([first, last])}`,
  );
});

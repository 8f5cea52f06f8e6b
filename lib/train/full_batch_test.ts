import * as tf from "@tensorflow/tfjs-core";
import { assert, assertClose, assertEquals, assertRejects } from "../_assert.ts";
import { initBackend } from "../backend.ts";
import type { LossFn } from "../measure/hvp.ts";
import { trainFullBatch } from "./full_batch.ts";

/** L(θ) = ½ Σ λ_i θ_i² on one tensor, and a fresh variable θ = θ₀. */
function diagonalQuadratic(lambda: number[], theta0: number[]) {
  const h = tf.tensor1d(lambda);
  const lossFn: LossFn = ([t]) => tf.tidy(() => tf.mul(0.5, tf.sum(tf.mul(h, tf.square(t)))) as tf.Scalar);
  const theta = tf.variable(tf.tensor1d(theta0));
  return { lossFn, theta, dispose: () => tf.dispose([h, theta]) };
}

const loss = (lambda: number[], x: number[]) => 0.5 * lambda.reduce((s, l, i) => s + l * x[i] * x[i], 0);

Deno.test("trainFullBatch() takes exactly the steps θ ← θ − η∇L (losses match (1 − ηλ)^t on a quadratic)", async () => {
  await initBackend({ prefer: ["wasm"] });
  const lambda = [3, 1, 0.25], theta0 = [1, -2, 0.5], eta = 0.3;
  const q = diagonalQuadratic(lambda, theta0);
  const run = await trainFullBatch(q.lossFn, [q.theta], { eta, steps: 30, sharpnessEvery: 0 });
  assertEquals(run.losses.length, 31);
  for (const t of [0, 1, 7, 30]) {
    const expected = loss(lambda, theta0.map((x, i) => (1 - eta * lambda[i]) ** t * x));
    assertClose(run.losses[t], expected, 1e-5 * Math.max(expected, 1e-3), `loss at step ${t}`);
  }
  assertEquals(run.sharpness.length, 0);
  q.dispose();
});

Deno.test("trainFullBatch() with β follows v ← βv + (1 − β)∇L, θ ← θ − ηv", async () => {
  await initBackend({ prefer: ["wasm"] });
  const lambda = [4, 0.5], theta0 = [1, 1], eta = 0.4, beta = 0.7;
  const q = diagonalQuadratic(lambda, theta0);
  const run = await trainFullBatch(q.lossFn, [q.theta], { eta, beta, steps: 40, sharpnessEvery: 0 });
  const x = [...theta0], v = [0, 0];
  for (let t = 0; t <= 40; t++) {
    const expected = loss(lambda, x);
    assertClose(run.losses[t], expected, 1e-5 * Math.max(expected, 1e-3), `loss at step ${t}`);
    for (let i = 0; i < 2; i++) {
      v[i] = beta * v[i] + (1 - beta) * lambda[i] * x[i];
      x[i] -= eta * v[i];
    }
  }
  q.dispose();
});

Deno.test("trainFullBatch() records the sharpness every k steps and after the last, leaking no tensors", async () => {
  await initBackend({ prefer: ["wasm"] });
  for (const method of ["lanczos", "power"] as const) {
    const q = diagonalQuadratic([2.5, 1, -0.5, 0.1], [1, 1, 0.01, 1]);
    const before = tf.memory().numTensors;
    const run = await trainFullBatch(q.lossFn, [q.theta], {
      eta: 0.1,
      beta: 0.5,
      steps: 25,
      sharpnessEvery: 10,
      sharpnessMethod: method,
      sharpnessTol: 1e-6,
    });
    assertEquals(tf.memory().numTensors, before);
    assertEquals(run.sharpness.map((r) => r.step), [0, 10, 20, 25]);
    for (const r of run.sharpness) {
      assertClose(r.sharpness, 2.5, 1e-4, `${method}: sharpness at step ${r.step}`);
      assertEquals(r.loss, run.losses[r.step]);
    }
    assert(run.hvps >= 4, `${method}: at least one HVP per measurement, got ${run.hvps}`);
    q.dispose();
  }
});

Deno.test("trainFullBatch() stops and reports divergence above the stability threshold", async () => {
  await initBackend({ prefer: ["wasm"] });
  const q = diagonalQuadratic([2, 1], [1, 1]);
  // η = 1.1 > 2/λ_max = 1: the top mode grows by |1 − 2.2| = 1.2 per step, the loss by 1.44.
  const run = await trainFullBatch(q.lossFn, [q.theta], {
    eta: 1.1,
    steps: 200,
    sharpnessEvery: 0,
    divergeAbove: 1e3,
  });
  assert(run.diverged, "expected divergence");
  assert(run.stepsTaken < 200 && run.losses[run.stepsTaken] > 1e3, `stopped at step ${run.stepsTaken}`);
  assertEquals(run.divergence, { diverged: true, step: run.stepsTaken, loss: run.losses[run.stepsTaken] });
  q.dispose();
});

Deno.test("trainFullBatch() rejects a bad learning rate or momentum", async () => {
  const q = diagonalQuadratic([1], [1]);
  await assertRejects(
    () => trainFullBatch(q.lossFn, [q.theta], { eta: -1, steps: 1 }),
    RangeError,
    "expected eta > 0, got -1",
  );
  await assertRejects(
    () => trainFullBatch(q.lossFn, [q.theta], { eta: 0.1, beta: 1, steps: 1 }),
    RangeError,
    "expected beta in [0, 1), got 1",
  );
  q.dispose();
});

Deno.test("trainFullBatch() rejects an unknown sharpness method", async () => {
  const q = diagonalQuadratic([1], [1]);
  await assertRejects(
    () => trainFullBatch(q.lossFn, [q.theta], { eta: 0.1, steps: 1, sharpnessMethod: "qr" as "power" }),
    RangeError,
    'sharpnessMethod must be "lanczos" or "power", got "qr"',
  );
  q.dispose();
});

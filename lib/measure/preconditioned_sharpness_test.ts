import * as tf from "@tensorflow/tfjs-core";
import { assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { eigh } from "../linalg/mod.ts";
import { rng } from "../random.ts";
import { preconditionedSharpness } from "./preconditioned_sharpness.ts";

/** L(θ) = ½ θᵀAθ for a random positive definite A, θ split into tensors of sizes 3 and 2. */
function quadratic(seed: number) {
  const r = rng(seed);
  const B = Array.from({ length: 5 }, () => Array.from(r.normals(5)));
  const A = B.map((_, i) => B.map((_, j) => B[i].reduce((s, v, k) => s + v * B[j][k], 0)));
  const At = tf.tensor2d(A);
  const loss = (ps: tf.Tensor[]) =>
    tf.tidy(() => {
      const t = tf.concat([ps[0], ps[1]]).reshape([5, 1]);
      return tf.mul(0.5, tf.sum(tf.mul(t, tf.matMul(At, t)))) as tf.Scalar;
    });
  return { A, At, loss };
}

Deno.test("preconditionedSharpness() is the top eigenvalue of P^½ A P^½ for a planted quadratic", () => {
  const { A, At, loss } = quadratic(3);
  const rho = [4, 4, 4, 0.25, 0.25];
  const M = A.map((row, i) => row.map((v, j) => Math.sqrt(rho[i]) * v * Math.sqrt(rho[j])));
  const expected = eigh(M).values[0];
  const params = [tf.tensor1d([0.1, -0.2, 0.3]), tf.tensor1d([0.5, 0.4])];
  const n = tf.memory().numTensors;
  const { value } = preconditionedSharpness(loss, params, {
    learningRates: [4, 0.25],
    tol: 1e-7,
    maxIter: 500,
  });
  assertClose(value, expected, 1e-3);
  assertEquals(tf.memory().numTensors, n, "no tensor leaks");
  tf.dispose([At, ...params]);
});

Deno.test("GD with per-tensor rates η·ρ is stable just below 2/λ and diverges just above", () => {
  const { At, loss } = quadratic(5);
  const rho = [2, 0.5];
  const zero = [tf.zeros([3]), tf.zeros([2])];
  const { value } = preconditionedSharpness(loss, zero, { learningRates: rho, tol: 1e-8, maxIter: 1000 });
  const growth = (eta: number): number => {
    let ps: tf.Tensor[] = [tf.tensor1d([1, 1, 1]), tf.tensor1d([1, 1])];
    for (let t = 0; t < 300; t++) {
      const gs = tf.grads((a: tf.Tensor, b: tf.Tensor) => loss([a, b]))(ps);
      const next = ps.map((p, k) => tf.sub(p, tf.mul(gs[k], eta * rho[k])));
      tf.dispose([...ps, ...gs]);
      ps = next;
    }
    const norm = Math.hypot(...ps.flatMap((p) => Array.from(p.dataSync())));
    tf.dispose(ps);
    return norm;
  };
  const etaC = 2 / value;
  const below = growth(0.97 * etaC), above = growth(1.03 * etaC);
  if (!(below < Math.sqrt(5))) throw new Error(`stable below 2/λ, got ‖θ‖ = ${below}`);
  if (!(above > 10 * Math.sqrt(5))) throw new Error(`divergent above 2/λ, got ‖θ‖ = ${above}`);
  tf.dispose([At, ...zero]);
});

Deno.test("preconditionedSharpness() rejects missing or non-positive learning rates", () => {
  const { At, loss } = quadratic(1);
  const params = [tf.zeros([3]), tf.zeros([2])];
  assertThrows(
    () => preconditionedSharpness(loss, params, { learningRates: [1] }),
    RangeError,
    "expected 2 positive",
  );
  assertThrows(
    () => preconditionedSharpness(loss, params, { learningRates: [1, 0] }),
    RangeError,
    "got [1,0]",
  );
  tf.dispose([At, ...params]);
});

import * as tf from "@tensorflow/tfjs-core";
import { assert, assertEquals } from "../_assert.ts";
import { type BackendName, initBackend } from "../backend.ts";
import { logSoftmax, logSumExp, softmax } from "./log_sum_exp.ts";

const Z = [[0.3, -1.2, 2.0, 0.5], [1.1, 0.4, -0.3, -2.2], [0, 0, 0, 0]];

function maxDiff(a: tf.Tensor, b: tf.Tensor): number {
  const x = Array.from(a.dataSync()), y = b.dataSync();
  assertEquals(a.shape, b.shape);
  return x.reduce((m, v, i) => Math.max(m, Math.abs(v - y[i])), 0);
}

/** Full Hessian of Σ lse(z_i) with respect to one row z ∈ R^k, column by column: H e_j = ∇(∇f · e_j). */
function hessianOfRow(lse: (z: tf.Tensor) => tf.Tensor, row: number[]): number[][] {
  const z = tf.tensor1d(row);
  const columns = row.map((_, j) =>
    tf.tidy(() => {
      const e = tf.tensor1d(row.map((_, i) => (i === j ? 1 : 0)));
      const hv = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(tf.grad((y: tf.Tensor) => tf.sum(lse(y)))(x), e)))(
        z,
      );
      return Array.from(hv.dataSync());
    })
  );
  z.dispose();
  return columns;
}

for (const backend of ["wasm", "cpu"] as BackendName[]) {
  Deno.test(`logSumExp, softmax and logSoftmax equal tfjs's in value and gradient (${backend})`, async () => {
    await initBackend({ prefer: [backend] });
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const z = tf.tensor2d(Z);
      const w = tf.tensor2d(Z.map((r) => r.map((_, j) => j - 1.5)));
      const cases: [string, (x: tf.Tensor) => tf.Tensor, (x: tf.Tensor) => tf.Tensor][] = [
        ["lse over all axes", (x) => logSumExp(x), (x) => tf.logSumExp(x)],
        ["lse over axis 1", (x) => logSumExp(x, 1), (x) => tf.logSumExp(x, 1)],
        ["lse over axis 0, keepDims", (x) => logSumExp(x, 0, true), (x) => tf.logSumExp(x, 0, true)],
        [
          "lse over [0, 1], keepDims",
          (x) => logSumExp(x, [0, 1], true),
          (x) => tf.logSumExp(x, [0, 1], true),
        ],
        ["softmax", (x) => softmax(x), (x) => tf.softmax(x)],
        ["logSoftmax", (x) => logSoftmax(x), (x) => tf.logSoftmax(x)],
        ["softmax over axis 0", (x) => softmax(x, 0), (x) => tf.transpose(tf.softmax(tf.transpose(x)))],
      ];
      for (const [name, safe, builtin] of cases) {
        assert(maxDiff(safe(z), builtin(z)) < 1e-6, `${name}: values differ`);
        const weighted = (f: (x: tf.Tensor) => tf.Tensor) => (x: tf.Tensor) => {
          const y = f(x);
          return tf.sum(tf.mul(y, tf.reshape(tf.slice(tf.reshape(w, [-1]), 0, y.size), y.shape)));
        };
        const gs = tf.grad(weighted(safe))(z), gb = tf.grad(weighted(builtin))(z);
        assert(maxDiff(gs, gb) < 1e-6, `${name}: gradients differ by ${maxDiff(gs, gb)}`);
      }
    });
    assertEquals(tf.memory().numTensors, before);
  });

  Deno.test(`the Hessian of logSumExp is diag(p) − p pᵀ (${backend})`, async () => {
    await initBackend({ prefer: [backend] });
    const row = Z[0];
    const m = Math.max(...row);
    const e = row.map((v) => Math.exp(v - m));
    const p = e.map((v) => v / e.reduce((a, b) => a + b));
    const h = hessianOfRow((y) => logSumExp(y), row);
    h.forEach((col, j) =>
      col.forEach((v, i) => {
        const expected = (i === j ? p[i] : 0) - p[i] * p[j];
        assert(Math.abs(v - expected) < 1e-6, `H[${i}][${j}]: expected ${expected}, got ${v}`);
      })
    );
  });
}

Deno.test("logSumExp is stable for large logits, and tf.logSumExp has no usable second derivative", async () => {
  await initBackend({ prefer: ["cpu"] });
  tf.tidy(() => {
    const v = logSumExp(tf.tensor2d([[1000, 1000], [-1000, -1000]]), 1).dataSync();
    assert(Math.abs(v[0] - 1000 - Math.LN2) < 1e-3 && Math.abs(v[1] + 1000 - Math.LN2) < 1e-3, `got ${v}`);
  });
  // tfjs's Hessian of lse is either refused or wrong (its gradient runs through the saved exp output).
  let builtin: number[][] | null = null;
  try {
    builtin = hessianOfRow((y) => tf.logSumExp(y), Z[0]);
  } catch (e) {
    assert((e as Error).message.includes("Cannot compute gradient"), (e as Error).message);
  }
  if (builtin) {
    const safe = hessianOfRow((y) => logSumExp(y), Z[0]);
    const off = Math.max(...builtin.flatMap((c, j) => c.map((v, i) => Math.abs(v - safe[j][i]))));
    assert(off > 0.05, `tf.logSumExp's Hessian was expected to be wrong, off by only ${off}`);
  }
});

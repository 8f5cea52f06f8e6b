import * as tf from "@tensorflow/tfjs-core";
import { assert, assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { type BackendName, initBackend } from "../backend.ts";
import { mse, sigmoidCrossEntropy, softmaxCrossEntropy } from "./losses.ts";

const LOGITS = [[0.3, -1.2, 2.0], [1.1, 0.4, -0.3], [-0.5, 0.9, 0.1], [2.2, -0.8, 0.6]];
const ONE_HOT = [[0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1]];
const SOFT = [[0.2, 0.3, 0.5], [0.6, 0.4, 0], [0, 1, 0], [1 / 3, 1 / 3, 1 / 3]];
const BINARY = [[1, 0, 1], [0, 0, 1], [1, 1, 0], [0.3, 0.5, 0.9]];

function values(t: tf.Tensor): number[] {
  return Array.from(t.dataSync());
}

function maxDiff(a: number[], b: number[]): number {
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
}

/** Value and gradient in the logits of `loss`. */
function valueAndGrad(loss: (z: tf.Tensor) => tf.Scalar, z: number[][]): [number, number[]] {
  return tf.tidy(() => {
    const { value, grad } = tf.valueAndGrad(loss)(tf.tensor2d(z));
    return [value.dataSync()[0], values(grad)];
  });
}

/** Hessian-vector product in the logits, H v = ∇(∇L · v), by grad of grad; or the error tfjs throws. */
function logitHvp(loss: (z: tf.Tensor) => tf.Scalar, z: number[][], v: number[][]): number[] | string {
  try {
    return tf.tidy(() => {
      const dir = tf.tensor2d(v);
      const hv = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(tf.grad(loss)(x), dir)))(tf.tensor2d(z));
      return values(hv);
    });
  } catch (e) {
    return (e as Error).message;
  }
}

const V = [[0.5, -1, 0.2], [0.1, 0.3, -0.7], [1, 0, -0.4], [-0.2, 0.8, 0.6]];

for (const backend of ["wasm", "cpu"] as BackendName[]) {
  Deno.test(`softmaxCrossEntropy and sigmoidCrossEntropy equal tf.losses in value and gradient (${backend})`, async () => {
    await initBackend({ prefer: [backend] });
    const before = tf.memory().numTensors;
    for (const [name, labels] of [["one-hot", ONE_HOT], ["soft", SOFT]] as const) {
      const y = tf.tensor2d(labels);
      const [v1, g1] = valueAndGrad((z) => softmaxCrossEntropy(z, y), LOGITS);
      const [v2, g2] = valueAndGrad((z) => tf.losses.softmaxCrossEntropy(y, z) as tf.Scalar, LOGITS);
      assertClose(v1, v2, 1e-6, `softmax cross-entropy value, ${name} labels`);
      assert(
        maxDiff(g1, g2) < 1e-6,
        `softmax cross-entropy gradient, ${name} labels: off by ${maxDiff(g1, g2)}`,
      );
      y.dispose();
    }
    const y = tf.tensor2d(BINARY);
    const [v1, g1] = valueAndGrad((z) => sigmoidCrossEntropy(z, y), LOGITS);
    const [v2, g2] = valueAndGrad((z) => tf.losses.sigmoidCrossEntropy(y, z) as tf.Scalar, LOGITS);
    assertClose(v1, v2, 1e-6, "sigmoid cross-entropy value");
    assert(maxDiff(g1, g2) < 1e-6, `sigmoid cross-entropy gradient off by ${maxDiff(g1, g2)}`);
    y.dispose();
    assertEquals(tf.memory().numTensors, before);
  });

  Deno.test(`cross-entropy Hessians in the logits are exact; tf.losses' are not (${backend})`, async () => {
    await initBackend({ prefer: [backend] });
    const n = LOGITS.length;
    // Softmax CE: H v = (p ⊙ v − p (p · v)) / n, row by row.
    const softmaxTruth = LOGITS.flatMap((row, i) => {
      const e = row.map(Math.exp), s = e.reduce((a, b) => a + b);
      const p = e.map((x) => x / s), pv = p.reduce((a, pk, k) => a + pk * V[i][k], 0);
      return p.map((pk, k) => (pk * V[i][k] - pk * pv) / n);
    });
    // Sigmoid CE (mean over all n·k entries): H v = σ(1 − σ) ⊙ v / (n k).
    const sigmoidTruth = LOGITS.flatMap((row, i) =>
      row.map((z, k) => {
        const s = 1 / (1 + Math.exp(-z));
        return (s * (1 - s) * V[i][k]) / (n * 3);
      })
    );
    const y = tf.tensor2d(ONE_HOT);
    const cases: [string, (z: tf.Tensor) => tf.Scalar, (z: tf.Tensor) => tf.Scalar, number[]][] = [
      [
        "softmax",
        (z) => softmaxCrossEntropy(z, y),
        (z) => tf.losses.softmaxCrossEntropy(y, z) as tf.Scalar,
        softmaxTruth,
      ],
      [
        "sigmoid",
        (z) => sigmoidCrossEntropy(z, y),
        (z) => tf.losses.sigmoidCrossEntropy(y, z) as tf.Scalar,
        sigmoidTruth,
      ],
    ];
    for (const [name, safe, builtin, truth] of cases) {
      const ours = logitHvp(safe, LOGITS, V);
      assert(typeof ours !== "string", `${name}: ${ours}`);
      assert(maxDiff(ours, truth) < 1e-7, `${name} cross-entropy Hv off by ${maxDiff(ours, truth)}`);
      const theirs = logitHvp(builtin, LOGITS, V);
      const scale = Math.max(...truth.map(Math.abs));
      assert(
        typeof theirs === "string"
          ? theirs.includes("Cannot compute gradient")
          : maxDiff(theirs, truth) > 0.3 * scale,
        `tf.losses.${name}CrossEntropy's Hessian was expected to be wrong, got ${theirs}`,
      );
    }
    y.dispose();
  });
}

Deno.test("mse is half the squared error summed over outputs and averaged over samples", async () => {
  await initBackend({ prefer: ["cpu"] });
  tf.tidy(() => {
    const f = tf.tensor2d([[1, 2], [3, 4], [0, 0]]), y = tf.tensor2d([[0, 0], [3, 2], [1, 1]]);
    assertClose(mse(f, y).dataSync()[0], (1 + 4 + 0 + 4 + 1 + 1) / (2 * 3), 1e-7);
    assertClose(mse(tf.tensor1d([1, 3]), tf.tensor1d([0, 0])).dataSync()[0], 10 / 4, 1e-7);
    // Its gradient in f is (f − y) / n.
    const g = values(tf.grad((p: tf.Tensor) => mse(p, y))(f));
    assert(maxDiff(g, [1, 2, 0, 2, -1, -1].map((d) => d / 3)) < 1e-7, `∇mse = ${g}`);
  });
});

Deno.test("losses reject mismatched shapes and say which", () => {
  tf.tidy(() => {
    assertThrows(
      () => mse(tf.zeros([4, 1]), tf.zeros([4])),
      RangeError,
      "mse: expected pred and target of the same shape",
    );
    assertThrows(
      () => softmaxCrossEntropy(tf.zeros([4, 3]), tf.zeros([4, 2])),
      RangeError,
      "got [4,3] and [4,2]",
    );
    assertThrows(
      () => softmaxCrossEntropy(tf.zeros([3]), tf.zeros([3])),
      RangeError,
      "expected logits of shape [n, k]",
    );
    assertThrows(() => sigmoidCrossEntropy(tf.zeros([2]), tf.zeros([3])), RangeError, "logits and labels");
  });
});

/**
 * Checks for the exercises of notebook 05 (the neural tangent kernel and lazy training).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { CheckFailure, expectClose, expectTrue } from "../exercise.ts";
import type { ScalarModel } from "../measure/empirical_ntk.ts";
import { mlpNtk } from "../measure/mlp_ntk.ts";
import { initMlp, mlpForward, type MlpSpec } from "../models/mlp.ts";
import { rng } from "../random.ts";
import { reluNtk } from "../theory/arccos_kernel.ts";

/** The student's empirical NTK: `(model, params, X [n, d]) → [n, n]`. */
export type EmpiricalNtkFn = (model: ScalarModel, params: tf.Tensor[], X: number[][]) => number[][];

/**
 * Check `empiricalNtk(model, params, X)`: on a linear model it must be exactly $XX^\top$; on a two-layer ReLU
 * MLP (biases included) it must match the library's layer-wise NTK (`mlpNtk`) to float32 precision, be
 * symmetric, and not leak tensors.
 */
export function checkEmpiricalNtk(fn: EmpiricalNtkFn): "exact" | "close" {
  const X = [[1, 2, 0], [0, -1, 3], [2, 2, 2]];
  const w = tf.zeros([3, 1]);
  const before = tf.memory().numTensors;
  const lin = fn((ps, x) => tf.matMul(x, ps[0] as tf.Tensor2D), [w], X.map((r) => r.slice()));
  w.dispose();
  expectTrue(
    Array.isArray(lin) && lin.length === 3 && lin.every((r) => r?.length === 3),
    `expected a [3, 3] matrix for 3 inputs, got ${JSON.stringify(lin)?.slice(0, 80)}`,
  );
  let verdict: "exact" | "close" = "exact";
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const xxT = X[i].reduce((s, v, k) => s + v * X[j][k], 0);
      if (
        expectClose(lin[i][j], xxT, { what: `linear model f = x·w: Θ[${i}][${j}] = xᵢ·xⱼ`, rel: 1e-5 }) ===
          "close"
      ) verdict = "close";
    }
  }
  const spec: MlpSpec = { sizes: [3, 20, 1], parameterization: "ntk" };
  const params = initMlp(spec, { seed: 4 });
  params[1].assign(tf.tensor1d(Array.from(rng(5).normals(20, 0.5))));
  const Xs = Array.from({ length: 5 }, (_, i) => [Math.cos(i), Math.sin(i), 0.5 * i - 1]);
  const got = fn((ps, x) => mlpForward(spec, ps, x), params, Xs.map((r) => r.slice()));
  const x = tf.tensor2d(Xs);
  const expected = mlpNtk(spec, params, x);
  x.dispose();
  params.forEach((p) => p.dispose());
  for (let i = 0; i < 5; i++) {
    for (let j = 0; j < 5; j++) {
      expectClose(got[i][j], expected[i][j], {
        what: `two-layer ReLU net: Θ[${i}][${j}]`,
        rel: 1e-4,
        abs: 1e-4,
      });
      expectTrue(
        Math.abs(got[i][j] - got[j][i]) <= 1e-4 * Math.abs(got[i][j]) + 1e-6,
        `Θ must be symmetric: Θ[${i}][${j}] ≠ Θ[${j}][${i}]`,
      );
    }
  }
  expectTrue(
    tf.memory().numTensors === before,
    `your function leaked ${tf.memory().numTensors - before} tensors (use tf.tidy or dispose)`,
  );
  return verdict === "exact" ? "exact" : "close";
}

/**
 * Check `twoLayerReluNtk(x, y)`: the infinite-width NTK of $f = \frac{\sqrt2}{\sqrt N}\sum_j a_j\,\mathrm{relu}(\tfrac{\sqrt2}{\sqrt d}w_j\cdot x)$
 * (no biases), against the library's arc-cosine recursion (`reluNtk`, depth 2) on random pairs of any norm, and
 * the exact diagonal $\Theta(x,x) = 4\|x\|^2/d$.
 */
export function checkTwoLayerReluNtk(fn: (x: number[], y: number[]) => number): "exact" | "close" {
  const r = rng(8);
  let verdict: "exact" | "close" = "exact";
  for (let t = 0; t < 6; t++) {
    const d = 2 + t;
    const x = Array.from(r.normals(d)), y = t === 5 ? x.map((v) => -2 * v) : Array.from(r.normals(d, 1 + t));
    const expected = reluNtk([x], [y], { bias: false }).ntk[0][0];
    if (
      expectClose(fn(x.slice(), y.slice()), expected, {
        what: `Θ(x, y) in d = ${d}`,
        rel: 1e-9,
        abs: 1e-12,
      }) === "close"
    ) verdict = "close";
    expectClose(fn(x.slice(), x.slice()), (4 * x.reduce((s, v) => s + v * v, 0)) / d, {
      what: `Θ(x, x) = 4|x|²/d in d = ${d}`,
      rel: 1e-9,
    });
  }
  return verdict;
}

/**
 * Check `kinkExponent(q)`: the width exponent $p$ of the kink part of the NTK change, $\|\Delta\Theta_{\rm kink}\|
 * \propto N^{p}$, when every pre-activation moves by $|\Delta z|\propto N^{-q}$, the pre-activations have a
 * density at 0, and each flipped gate changes the kernel by $\pm c/N$ with an independent random sign. Then
 * $N\cdot N^{-q}$ gates flip and their random-sign sum is $\sqrt{N^{1-q}}\cdot N^{-1}$: $p = -(1+q)/2$ (notebook
 * 05 does $q = 1/2$). Tells apart a coherent sum ($p = -q$) and a count that ignores $q$.
 */
export function checkKinkExponent(fn: (q: number) => number): "exact" | "close" {
  let verdict: "exact" | "close" = "exact";
  for (const q of [0.5, 0.25, 0, 1, 0.75]) {
    const got = fn(q), expected = -(1 + q) / 2;
    const what = `kink-part exponent for |Δz| ∝ N^−${q}`;
    if (typeof got === "number" && got !== expected && Math.abs(got + q) < 1e-12 && q !== 1) {
      throw new CheckFailure(`${what}: ${got} adds the flips coherently; their signs are random`);
    }
    if (typeof got === "number" && Math.abs(got + 0.75) < 1e-12 && q !== 0.5) {
      throw new CheckFailure(
        `${what}: ${got} is the answer for q = 1/2 only; the number of flips depends on q`,
      );
    }
    if (expectClose(got, expected, { what, rel: 1e-12 }) === "close") verdict = "close";
  }
  return verdict;
}

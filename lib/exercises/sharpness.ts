/**
 * Checks for the exercises of notebook 07 (edge of stability).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { mse } from "../autodiff/mod.ts";
import { expectClose, expectTrue } from "../exercise.ts";
import type { LossFn } from "../measure/hvp.ts";
import { flattenParams } from "../measure/params.ts";
import { plantedQuadratic } from "../measure/planted_quadratic.ts";
import { sharpness } from "../measure/sharpness.ts";
import { initMlp, mlpForward, type MlpSpec } from "../models/mlp.ts";
import { rng } from "../random.ts";
import { quadraticIterationRadius, stabilityThreshold } from "../theory/edge_of_stability.ts";

/** A student's sharpness: the top Hessian eigenvalue of `lossFn` at `params`. */
export type SharpnessFn = (lossFn: LossFn, params: tf.Tensor[]) => number;

/** Call the student's function; check it leaves no tensors behind and does not move the parameters. */
function callClean(fn: SharpnessFn, lossFn: LossFn, params: tf.Tensor[], what: string): number {
  const before = tf.memory().numTensors;
  const values = flattenParams(params);
  const result = fn(lossFn, params);
  const leaked = tf.memory().numTensors - before;
  expectTrue(
    leaked === 0,
    `${what}: your function left ${leaked} tensors behind; wrap each iteration in tf.tidy and dispose the old vector`,
  );
  expectTrue(
    flattenParams(params).every((v, i) => v === values[i]),
    `${what}: your function changed the parameters; it should only read them`,
  );
  return result;
}

/**
 * Check `sharpness(lossFn, params)` = λ_max(∇²L): on a planted quadratic whose spectrum is known exactly
 * (top eigenvalue 4, next 2.5), and on a small tanh MLP against the library's {@linkcode sharpness} run to a
 * tight tolerance. Also requires that no tensors leak and the parameters are left as they were.
 */
export function checkSharpness(fn: SharpnessFn): string {
  let verdict: "exact" | "close" = "close";
  // 1. Planted spectrum: λ = 4, 2.5, then 24 values in [−1, 2].
  const spectrum = [4, 2.5, ...Array.from({ length: 24 }, (_, i) => 2 - (3 * i) / 23)];
  const q = plantedQuadratic(spectrum, 11);
  try {
    const got = callClean(fn, q.lossFn, q.params, "planted quadratic");
    expectClose(got, 4, { what: "sharpness of ½θᵀHθ with top eigenvalue 4", rel: 2e-3 });
  } finally {
    q.dispose();
  }
  // 2. A tanh MLP on random data, against the library.
  const spec: MlpSpec = { sizes: [5, 8, 3], activation: "tanh", weightScale: 1.5 };
  const params = initMlp(spec, { seed: 3 });
  const r = rng(4);
  const x = tf.tensor2d(Float32Array.from(r.normals(40)), [8, 5]);
  const y = tf.tensor2d(Float32Array.from(r.normals(24)), [8, 3]);
  try {
    const lossFn: LossFn = (p) => mse(mlpForward(spec, p, x), y);
    const expected = sharpness(lossFn, params, { seed: 5, tol: 1e-7, maxIter: 1000 }).value;
    const got = callClean(fn, lossFn, params, "tanh MLP");
    if (
      expectClose(got, expected, {
        what: "sharpness of a tanh MLP (library: power iteration to 1e-7)",
        rel: 2e-3,
      }) === "exact"
    ) {
      verdict = "exact";
    }
  } finally {
    tf.dispose([...params, x, y]);
  }
  return verdict;
}

/**
 * Check `emaThreshold(eta, beta)` = (2 + 2β)/((1 − β)η): against the library's closed form, and by the exact
 * property that defines it — the EMA-momentum iteration on ½λx² is neutrally stable (spectral radius 1) at
 * λ = the student's threshold.
 */
export function checkEmaThreshold(fn: (eta: number, beta: number) => number): string {
  let verdict: "exact" | "close" = "exact";
  for (const [eta, beta] of [[0.1, 0], [0.5, 0.5], [0.02, 0.9]]) {
    const got = fn(eta, beta);
    const what = `emaThreshold(η = ${eta}, β = ${beta})`;
    if (expectClose(got, stabilityThreshold(eta, { beta }), { what, rel: 1e-9 }) === "close") {
      verdict = "close";
    }
    const radius = quadraticIterationRadius(got, eta, { beta });
    expectTrue(
      Math.abs(radius - 1) < 1e-6,
      `${what}: at λ = your threshold the iteration's spectral radius is ${radius}, not 1`,
    );
  }
  return verdict;
}

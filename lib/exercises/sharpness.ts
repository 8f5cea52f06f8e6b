/**
 * Checks for the exercises of notebook 07 (edge of stability).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { mse } from "../autodiff/mod.ts";
import { CheckFailure, expectClose, expectTrue } from "../exercise.ts";
import { fmt } from "../claims.ts";
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

/** Spectral radius of Nesterov momentum on ½λx²: the larger |z| of z² − (1+β)(1−ηλ)z + β(1−ηλ). */
export function nesterovRadius(curvature: number, eta: number, beta: number): number {
  const c = 1 - eta * curvature, tr = (1 + beta) * c, det = beta * c;
  const disc = tr * tr - 4 * det;
  if (disc < 0) return Math.sqrt(det);
  const root = Math.sqrt(disc);
  return Math.max(Math.abs(tr + root), Math.abs(tr - root)) / 2;
}

/**
 * Check `nesterovThreshold(eta, beta)` = (2 + 2β)/((1 + 2β)η), the edge of stability of Nesterov momentum,
 * $\theta_{t+1} = \theta_t + \beta(\theta_t-\theta_{t-1}) - \eta\nabla L\big(\theta_t + \beta(\theta_t-\theta_{t-1})\big)$
 * (Cohen et al. 2021, arXiv:2103.00065, appendix). Graded "exact" within 1e-12 relative (the answer is a closed
 * form; only the order of floating-point operations may differ). A wrong answer is diagnosed: a constant factor
 * off, the heavy-ball or EMA formula, or a law with the wrong dependence on η or β.
 */
export function checkNesterovThreshold(fn: (eta: number, beta: number) => number): string {
  const cases = [[0.1, 0], [0.5, 0.5], [0.02, 0.9], [1, 0.25]];
  const truth = (eta: number, beta: number) => (2 + 2 * beta) / ((1 + 2 * beta) * eta);
  const got = cases.map(([eta, beta]) => fn(eta, beta));
  got.forEach((g, i) => {
    if (typeof g !== "number" || !Number.isFinite(g)) {
      throw new CheckFailure(
        `nesterovThreshold(${cases[i].join(", ")}) returned ${String(g)}, expected a number`,
      );
    }
  });
  const ratios = got.map((g, i) => g / truth(cases[i][0], cases[i][1]));
  if (ratios.every((r) => Math.abs(r - 1) <= 1e-12)) return "exact";
  const rivals: [string, (eta: number, beta: number) => number][] = [
    ["the heavy-ball threshold (2+2β)/η", (eta, beta) => (2 + 2 * beta) / eta],
    ["the EMA threshold (2+2β)/((1−β)η)", (eta, beta) => (2 + 2 * beta) / ((1 - beta) * eta)],
    ["plain GD's 2/η (momentum ignored)", (eta) => 2 / eta],
  ];
  for (const [name, f] of rivals) {
    if (got.every((g, i) => Math.abs(g / f(cases[i][0], cases[i][1]) - 1) < 1e-9)) {
      throw new CheckFailure(
        `your threshold is ${name}. Nesterov evaluates the gradient at the look-ahead point θ + β(θ − θ_prev): ` +
          "write the recursion for x along the eigenvector, its characteristic polynomial, and put z = −1",
      );
    }
  }
  if (ratios.every((r) => Math.abs(r / ratios[0] - 1) < 1e-9)) {
    throw new CheckFailure(
      `your threshold has the right law but is off by a constant factor ${fmt(ratios[0])} ` +
        "(check the 2s in z² − τz + det at z = −1)",
    );
  }
  const [eta, beta] = cases[2];
  const radius = nesterovRadius(got[2], eta, beta);
  throw new CheckFailure(
    `wrong law: at η = ${eta}, β = ${beta} you give ${
      fmt(got[2])
    }, where the iteration's spectral radius is ` +
      `${fmt(radius)}, not 1 (the ratio to the right answer changes with η and β: ${
        ratios.map(fmt).join(", ")
      })`,
  );
}

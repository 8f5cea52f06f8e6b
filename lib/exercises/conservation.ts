/**
 * Checks for the exercises of notebook 03 (symmetry and conservation laws).
 *
 * @module
 */
import { expectClose, expectTrue } from "../exercise.ts";
import { expectLaw } from "./_law.ts";
import { rescaleCharges, translationCharges } from "../measure/conserved.ts";
import {
  cloneFloat64Mlp,
  float64MlpGradients,
  type Float64MlpParams,
  type Float64MlpSpec,
  initFloat64Mlp,
} from "../models/float64_mlp.ts";
import { rng } from "../random.ts";
import { rescaleChargeIncrement } from "../theory/conservation.ts";

function testNet(
  seed: number,
): { spec: Float64MlpSpec; net: Float64MlpParams; x: Float64Array; y: Int32Array } {
  const spec: Float64MlpSpec = { sizes: [5, 4, 3] };
  const net = initFloat64Mlp(spec, { seed });
  const r = rng(seed + 100);
  net.b1.forEach((_, i) => (net.b1[i] = 0.3 * r.normal()));
  net.b2.forEach((_, i) => (net.b2[i] = 0.3 * r.normal()));
  return { spec, net, x: r.normals(8 * 5), y: Int32Array.from({ length: 8 }, () => r.int(3)) };
}

function compare(
  got: ArrayLike<number>,
  expected: ArrayLike<number>,
  what: string,
): "exact" | "close" {
  expectTrue(
    got != null && typeof got.length === "number" && got.length === expected.length,
    `${what}: expected ${expected.length} numbers, got ${got == null ? String(got) : `${got.length}`}`,
  );
  let verdict: "exact" | "close" = "exact";
  for (let i = 0; i < expected.length; i++) {
    if (expectClose(got[i], expected[i], { what: `${what}[${i}]`, rel: 1e-9, abs: 1e-14 }) === "close") {
      verdict = "close";
    }
  }
  return verdict;
}

/** One SGD step of size `eta` on the test batch, returning the gradient used. */
function sgdStep(
  spec: Float64MlpSpec,
  net: Float64MlpParams,
  x: Float64Array,
  y: Int32Array,
  eta: number,
): Float64MlpParams {
  const { grads } = float64MlpGradients(spec, net, x, y);
  for (const key of ["W1", "b1", "W2", "b2"] as const) {
    net[key].forEach((v, k) => (net[key][k] = v - eta * grads[key][k]));
  }
  return grads;
}

/**
 * Check `rescaleCharge(net)` = $\|W_1[:,i]\|^2 + b_1[i]^2 - \|W_2[i,:]\|^2$ per hidden neuron: against the library
 * on two networks, and by the exact law of one SGD step, $\Delta Q_i = \eta^2(\|g^{in}_i\|^2 - \|g^{out}_i\|^2)$.
 */
export function checkRescaleCharge(fn: (net: Float64MlpParams) => ArrayLike<number>): "exact" | "close" {
  let verdict: "exact" | "close" = "exact";
  for (const seed of [1, 2]) {
    const { spec, net, x, y } = testNet(seed);
    if (compare(fn(cloneFloat64Mlp(net)), rescaleCharges(net), "rescaleCharge") === "close") {
      verdict = "close";
    }
    const before = Array.from(fn(cloneFloat64Mlp(net)));
    const grads = sgdStep(spec, net, x, y, 0.5);
    const after = Array.from(fn(cloneFloat64Mlp(net)));
    const predicted = rescaleChargeIncrement(grads, { eta: 0.5 });
    compare(
      after.map((v, i) => v - before[i]),
      predicted,
      "change of your rescaleCharge in one SGD step vs η²(‖g_in‖² − ‖g_out‖²)",
    );
  }
  return verdict;
}

/**
 * Check `translationCharge(net)` = the class-sums $\sum_k W_2[i,k]$ per hidden neuron, then $\sum_k b_2[k]$: against
 * the library, and by its exact invariance under an SGD step.
 */
export function checkTranslationCharge(fn: (net: Float64MlpParams) => ArrayLike<number>): "exact" | "close" {
  const { spec, net, x, y } = testNet(3);
  const verdict = compare(fn(cloneFloat64Mlp(net)), translationCharges(net), "translationCharge");
  const before = Array.from(fn(cloneFloat64Mlp(net)));
  sgdStep(spec, net, x, y, 0.5);
  compare(fn(cloneFloat64Mlp(net)), before, "translationCharge after one SGD step (must not change)");
  return verdict;
}

/** Iterate the squared-norm recursion n ← (1 − ηλ)² n + η²G²/n to its fixed point; returns √n. */
function iteratedNorm(eta: number, lambda: number, G: number): number {
  let n = 1;
  for (let t = 0; t < 200_000; t++) n = (1 - eta * lambda) ** 2 * n + (eta * G) ** 2 / n;
  return Math.sqrt(n);
}

/**
 * Check `equilibriumNorm(eta, lambda, G)` = $\big(\eta^2G^2/(1-(1-\eta\lambda)^2)\big)^{1/4}$: the norm at which
 * SGD with weight decay λ holds a scale-invariant weight vector, when its gradient has norm $G/\|w\|$ (scale
 * invariance). Per step $\|w'\|^2 = (1-\eta\lambda)^2\|w\|^2 + \eta^2G^2/\|w\|^2$, whose fixed point this is
 * (exactly, not the small-ηλ approximation $(\eta G^2/2\lambda)^{1/4}$). Tells a factor error from a wrong law,
 * then compares with the recursion iterated to convergence.
 */
export function checkEquilibriumNorm(
  fn: (eta: number, lambda: number, G: number) => number,
): "exact" | "close" {
  const cases = [[0.1, 0.01, 1], [0.5, 0.1, 2], [0.05, 0.5, 0.3], [0.2, 0.2, 1.5]].map((
    [eta, lambda, G],
  ) => ({
    label: `η = ${eta}, λ = ${lambda}, G = ${G}`,
    got: fn(eta, lambda, G),
    expected: ((eta * G) ** 2 / (1 - (1 - eta * lambda) ** 2)) ** 0.25,
    eta,
    lambda,
    G,
  }));
  const verdict = expectLaw(cases, { what: "equilibriumNorm" });
  for (const { eta, lambda, G, got } of cases) {
    expectClose(got, iteratedNorm(eta, lambda, G), {
      what: `the norm SGD settles at (η = ${eta}, λ = ${lambda}, G = ${G}), from iterating one step`,
      rel: 1e-6,
    });
  }
  return verdict;
}

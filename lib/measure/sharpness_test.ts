import * as tf from "@tensorflow/tfjs-core";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { mse, softmaxCrossEntropy } from "../autodiff/mod.ts";
import { randomTensor } from "../autodiff/_finite_differences.ts";
import { type BackendName, initBackend } from "../backend.ts";
import { type ActivationName, mlpForward, type MlpSpec } from "../models/mod.ts";
import { hessianVectorProduct, type LossFn } from "./hvp.ts";
import { countParams, unflattenParams } from "./params.ts";
import { sharpness } from "./sharpness.ts";
import { plantedQuadratic } from "./planted_quadratic.ts";

/** θ split over two tensors, of shapes [25] and [3, 5] (40 parameters). */
const SHAPES = [[25], [3, 5]];

const BACKENDS: BackendName[] = ["wasm", "cpu"];

for (const backend of BACKENDS) {
  Deno.test(`sharpness() recovers the top eigenvalue and eigenvector of a planted spectrum (${backend})`, async () => {
    await initBackend({ prefer: [backend] });
    const spectrum = [10, 6, ...Array.from({ length: 38 }, (_, i) => 5 - (4.9 * i) / 37)];
    const problem = plantedQuadratic(spectrum, 3, SHAPES);
    const before = tf.memory().numTensors;
    const result = sharpness(problem.lossFn, problem.params, { seed: 4 });
    assertEquals(tf.memory().numTensors, before);
    assert(result.converged, `did not converge in ${result.iterations} iterations`);
    assert(Math.abs(result.value - 10) < 1e-3 * 10, `λ_max = 10, got ${result.value}`);
    const overlap = Math.abs(result.vector.reduce((s, x, i) => s + x * problem.top[i], 0));
    assert(overlap > 0.999, `eigenvector overlap with the planted q₁ is ${overlap}`);
    problem.dispose();
  });
}

Deno.test("sharpness() returns the largest eigenvalue, not the largest in magnitude, when a negative one dominates", async () => {
  await initBackend({ prefer: ["wasm"] });
  const spectrum = [3, 1.5, ...Array.from({ length: 36 }, (_, i) => 1 - (2 * i) / 35), -4, -8];
  const problem = plantedQuadratic(spectrum, 5, SHAPES);
  const result = sharpness(problem.lossFn, problem.params, { seed: 6 });
  assert(result.converged, `did not converge in ${result.iterations} iterations`);
  assert(Math.abs(result.value - 3) < 1e-3 * 8, `λ_max = 3 (λ_min = −8), got ${result.value}`);
  const overlap = Math.abs(result.vector.reduce((s, x, i) => s + x * problem.top[i], 0));
  assert(overlap > 0.99, `eigenvector overlap with the planted q₁ is ${overlap}`);
  problem.dispose();
});

/** The full P × P Hessian, one HVP per column, symmetrized; with its top eigenvalue (float64, ml-matrix). */
function fullHessianTop(lossFn: LossFn, params: tf.Tensor[]): number {
  const P = countParams(params);
  const h = Array.from({ length: P }, () => new Float64Array(P));
  for (let j = 0; j < P; j++) {
    const e = new Float32Array(P);
    e[j] = 1;
    const ej = unflattenParams(e, params);
    const hv = hessianVectorProduct(lossFn, params, ej);
    let i = 0;
    for (const t of hv) for (const x of t.dataSync()) h[i++][j] = x;
    tf.dispose([...ej, ...hv]);
  }
  const sym = h.map((row, i) => Array.from(row, (x, j) => (x + h[j][i]) / 2));
  const eig = new EigenvalueDecomposition(new Matrix(sym), { assumeSymmetric: true });
  return Math.max(...eig.realEigenvalues);
}

for (const backend of BACKENDS) {
  Deno.test(`sharpness() equals the top eigenvalue of the full Hessian of small networks (${backend})`, async () => {
    await initBackend({ prefer: [backend] });
    const cases: [ActivationName, "mse" | "softmaxCrossEntropy"][] = [["tanh", "softmaxCrossEntropy"], [
      "relu",
      "mse",
    ]];
    for (const [act, loss] of cases) {
      const k = loss === "mse" ? 1 : 3;
      const spec: MlpSpec = { sizes: [3, 6, 5, k], activation: act };
      const shapes = [[3, 6], [6], [6, 5], [5], [5, k], [k]];
      const params = shapes.map((s, i) => randomTensor(s, 50 + i, 0.7));
      const x = randomTensor([10, 3], 60) as tf.Tensor2D;
      const y = loss === "mse"
        ? randomTensor([10, 1], 61)
        : tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 2, 1, 0, 0], "int32"), 3);
      const lossFn: LossFn = (ps) => (loss === "mse" ? mse : softmaxCrossEntropy)(mlpForward(spec, ps, x), y);
      const exact = fullHessianTop(lossFn, params);
      const result = sharpness(lossFn, params, { seed: 7, tol: 1e-6, maxIter: 500 });
      assert(
        Math.abs(result.value - exact) < 1e-3 * Math.abs(exact),
        `${act} + ${loss}: power iteration ${result.value} vs full Hessian ${exact} (${result.iterations} iterations)`,
      );
      tf.dispose([...params, x, y]);
    }
  });
}

Deno.test("sharpness() is reproducible for a seed, converges at once from its own eigenvector, and checks options", async () => {
  await initBackend({ prefer: ["cpu"] });
  const problem = plantedQuadratic([5, 4, 3, 2, 1, ...Array(35).fill(0.5)], 8, SHAPES);
  const a = sharpness(problem.lossFn, problem.params, { seed: 9 });
  const b = sharpness(problem.lossFn, problem.params, { seed: 9 });
  assertEquals([a.value, a.iterations], [b.value, b.iterations]);
  const warm = sharpness(problem.lossFn, problem.params, { init: a.vector });
  assert(warm.iterations <= 3, `a warm start took ${warm.iterations} iterations (cold: ${a.iterations})`);
  assert(Math.abs(warm.value - 5) < 5e-3, `warm start: λ_max = 5, got ${warm.value}`);
  assertThrows(
    () => sharpness(problem.lossFn, problem.params, { tol: 0 }),
    RangeError,
    "tol must be positive, got 0",
  );
  assertThrows(
    () => sharpness(problem.lossFn, problem.params, { maxIter: 0 }),
    RangeError,
    "maxIter must be",
  );
  assertThrows(
    () => sharpness(problem.lossFn, problem.params, { init: [1, 2] }),
    RangeError,
    "init has length 2, expected the parameter count 40",
  );
  problem.dispose();
});

Deno.test("sharpness() of a zero Hessian is 0 and stops at once", async () => {
  await initBackend({ prefer: ["cpu"] });
  const p = [tf.tensor1d([1, 2, 3])];
  const result = sharpness(([t]) => tf.sum(t) as tf.Scalar, p, { seed: 1 });
  assertEquals([result.value, result.iterations, result.converged], [0, 1, true]);
  tf.dispose(p);
});

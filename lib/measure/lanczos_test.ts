import * as tf from "@tensorflow/tfjs-core";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { mse } from "../autodiff/mod.ts";
import { initBackend } from "../backend.ts";
import { eigh } from "../linalg/eigh.ts";
import { initMlp, mlpForward, type MlpSpec } from "../models/mod.ts";
import { rng } from "../random.ts";
import { hessianVectorProduct, type LossFn } from "./hvp.ts";
import { lanczosEigenvalues } from "./lanczos.ts";
import { countParams, flattenParams, unflattenParams } from "./params.ts";
import { sharpness } from "./sharpness.ts";
import { plantedQuadratic } from "./planted_quadratic.ts";

Deno.test("lanczosEigenvalues() resolves a top eigenvalue 0.1% above the next one", async () => {
  await initBackend({ prefer: ["wasm"] });
  const spectrum = [5, 4.995, 4.9, ...Array.from({ length: 45 }, (_, i) => 4 - (5 * i) / 44)];
  const problem = plantedQuadratic(spectrum, 2);
  const before = tf.memory().numTensors;
  const result = lanczosEigenvalues(problem.lossFn, problem.params, { seed: 3, tol: 1e-5, maxIter: 48 });
  assertEquals(tf.memory().numTensors, before);
  assert(Math.abs(result.values[0] - 5) < 1e-4 * 5, `λ_max = 5, got ${result.values[0]}`);
  assert(Math.abs(result.values[1] - 4.995) < 1e-3, `λ₂ = 4.995, got ${result.values[1]}`);
  const overlap = Math.abs(result.vector.reduce((s, x, i) => s + x * problem.top[i], 0));
  assert(overlap > 0.99, `Ritz vector overlap with the planted q₁ is ${overlap}`);
  problem.dispose();
});

Deno.test("lanczosEigenvalues() returns the largest eigenvalue when a negative one is larger in magnitude", async () => {
  await initBackend({ prefer: ["wasm"] });
  const spectrum = [3, 2, ...Array.from({ length: 36 }, (_, i) => 1 - (2 * i) / 35), -6, -9];
  const problem = plantedQuadratic(spectrum, 5);
  const result = lanczosEigenvalues(problem.lossFn, problem.params, { seed: 6, tol: 1e-6, maxIter: 40 });
  assert(Math.abs(result.values[0] - 3) < 1e-3, `λ_max = 3 (λ_min = −9), got ${result.values[0]}`);
  problem.dispose();
});

Deno.test("lanczosEigenvalues() is at least as accurate as power iteration after the same number of HVPs", async () => {
  await initBackend({ prefer: ["wasm"] });
  // Clustered top: power iteration converges like (λ₂/λ₁)^m = 0.99^m, Lanczos far faster.
  const spectrum = [2, 1.98, 1.96, ...Array.from({ length: 37 }, (_, i) => 1.9 - (1.8 * i) / 36)];
  const problem = plantedQuadratic(spectrum, 7);
  for (const m of [5, 10, 20]) {
    const power = sharpness(problem.lossFn, problem.params, { seed: 8, tol: 1e-12, maxIter: m });
    const lanczos = lanczosEigenvalues(problem.lossFn, problem.params, { seed: 8, tol: 1e-12, maxIter: m });
    assertEquals(power.iterations, m);
    assertEquals(lanczos.iterations, m);
    // Both estimate λ_max from below (Rayleigh quotients); Lanczos maximizes over the whole Krylov space.
    assert(
      lanczos.values[0] >= power.value - 1e-5,
      `m = ${m}: Lanczos ${lanczos.values[0]} < power ${power.value}`,
    );
    assert(lanczos.values[0] <= 2 + 1e-4, `m = ${m}: Ritz value ${lanczos.values[0]} above λ_max = 2`);
  }
  problem.dispose();
});

Deno.test("lanczosEigenvalues() agrees with the full Hessian of a tanh MLP within its residual bound", async () => {
  await initBackend({ prefer: ["wasm"] });
  const spec: MlpSpec = { sizes: [3, 5, 4, 2], activation: "tanh" };
  const params = initMlp(spec, { seed: 1 });
  const r = rng(2);
  const x = tf.tensor2d(Float32Array.from(r.normals(12)), [4, 3]);
  const y = tf.tensor2d(Float32Array.from(r.normals(8)), [4, 2]);
  const lossFn: LossFn = (p) => mse(mlpForward(spec, p, x), y);
  // Full Hessian column by column, in float64 for the eigensolver.
  const P = countParams(params);
  const rows = Array.from({ length: P }, () => new Array<number>(P).fill(0));
  for (let j = 0; j < P; j++) {
    const e = new Float64Array(P);
    e[j] = 1;
    const v = unflattenParams(e, params);
    const hv = hessianVectorProduct(lossFn, params, v);
    flattenParams(hv).forEach((value, i) => rows[i][j] = value);
    tf.dispose([...v, ...hv]);
  }
  const H = rows.map((row, i) => row.map((value, j) => (value + rows[j][i]) / 2));
  const exact = eigh(H).values[0];
  const result = lanczosEigenvalues(lossFn, params, { seed: 3, tol: 1e-4, maxIter: P });
  assert(result.converged, `did not converge in ${result.iterations} HVPs`);
  assert(
    Math.abs(result.values[0] - exact) <= Math.max(result.residual, 1e-4 * Math.abs(exact)),
    `Lanczos ${result.values[0]} vs exact ${exact} (residual ${result.residual})`,
  );
  tf.dispose([...params, x, y]);
});

Deno.test("lanczosEigenvalues() rejects a start vector of the wrong length", async () => {
  await initBackend({ prefer: ["wasm"] });
  const problem = plantedQuadratic([1, 2, 3, 4, 5, 6, 7, 8], 1);
  assertThrows(
    () => lanczosEigenvalues(problem.lossFn, problem.params, { init: [1, 2, 3] }),
    RangeError,
    "init has length 3, expected the parameter count 8",
  );
  problem.dispose();
});

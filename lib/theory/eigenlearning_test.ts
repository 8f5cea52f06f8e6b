import { assert, assertClose, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { eigenlearning, modeLearnabilities, solveKappa } from "./eigenlearning.ts";

function kappaResidual(
  lambda: ArrayLike<number>,
  n: number,
  kappa: number,
  ridge = 0,
  m?: ArrayLike<number>,
): number {
  let s = ridge / kappa;
  for (let i = 0; i < lambda.length; i++) s += (m ? m[i] : 1) * lambda[i] / (lambda[i] + kappa);
  return s - n;
}

Deno.test("solveKappa() returns a root of the κ equation, with and without ridge", () => {
  const r = rng(3);
  const lambda = Array.from({ length: 200 }, (_, i) => (i + 1) ** -1.7 * (1 + 0.1 * r.uniform()));
  for (const n of [1, 10, 100, 199]) {
    const kappa = solveKappa(lambda, n);
    assert(kappa > 0, "κ > 0");
    assertClose(kappaResidual(lambda, n, kappa), 0, 1e-10, `n = ${n}`);
    const withRidge = solveKappa(lambda, n, { ridge: 0.01 });
    assert(withRidge > kappa, "a ridge raises κ");
    assertClose(kappaResidual(lambda, n, withRidge, 0.01), 0, 1e-10, `n = ${n}, ridge`);
  }
  // With a ridge, n may exceed the number of modes.
  assertClose(kappaResidual([1, 0.5], 5, solveKappa([1, 0.5], 5, { ridge: 1 }), 1), 0, 1e-12);
});

Deno.test("multiplicities act exactly like repeated eigenvalues", () => {
  const lambda = [1, 0.3, 0.01], m = [1, 5, 20];
  const repeated = lambda.flatMap((l, i) => Array.from({ length: m[i] }, () => l));
  const a = solveKappa(lambda, 12, { multiplicities: m }), b = solveKappa(repeated, 12);
  assertClose(a, b, 1e-13);
});

Deno.test("learnabilities sum to n without ridge and to n − δ/κ with ridge", () => {
  const lambda = Array.from({ length: 50 }, (_, i) => Math.exp(-0.2 * i));
  const sum = (L: Float64Array) => L.reduce((s, v) => s + v, 0);
  assertClose(sum(modeLearnabilities(lambda, solveKappa(lambda, 17))), 17, 1e-12);
  const kappa = solveKappa(lambda, 17, { ridge: 0.5 });
  assertClose(sum(modeLearnabilities(lambda, kappa)), 17 - 0.5 / kappa, 1e-12);
});

Deno.test("eigenlearning() matches the closed form for a flat spectrum of M equal modes", () => {
  // M modes of eigenvalue λ, n < M: κ = λ(M − n)/n, L = n/M, E0 = M/(M − n), E = (1 − n/M) v².
  const M = 40, lam = 0.7, n = 15, v2 = 3;
  const p = eigenlearning([lam], [v2], { n, multiplicities: [M] });
  assertClose(p.kappa, (lam * (M - n)) / n, 1e-12);
  assertClose(p.learnabilities[0], n / M, 1e-12);
  assertClose(p.e0, M / (M - n), 1e-12);
  assertClose(p.testMse, (1 - n / M) * v2, 1e-12);
  assertClose(p.trainMse, 0, 0);
  // Noise is amplified by E0.
  assertClose(
    eigenlearning([lam], [0], { n, multiplicities: [M], noise: 0.2 }).testMse,
    0.2 * M / (M - n),
    1e-12,
  );
});

Deno.test("solveKappa() and eigenlearning() reject impossible input with a clear message", () => {
  assertThrows(() => solveKappa([1, 1, 0], 2), RangeError, "fewer samples than nonzero modes, got n = 2 ≥ 2");
  assertThrows(() => solveKappa([1, -1], 1), RangeError, "eigenvalues[1] = -1");
  assertThrows(() => solveKappa([1, 1], 0), RangeError, "expected n > 0");
  assertThrows(
    () => solveKappa([1], 1, { multiplicities: [1, 2] }),
    RangeError,
    "one multiplicity per eigenvalue",
  );
  assertThrows(() => eigenlearning([1, 1], [1], { n: 1 }), RangeError, "one target power");
});

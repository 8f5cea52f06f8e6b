import { assertClose, assertThrows } from "../_assert.ts";
import { eigh, randomOrthogonal } from "../linalg/mod.ts";
import { rng } from "../random.ts";
import { kernelSpectrum } from "./kernel_spectrum.ts";

function plantedKernel(mu: number[], seed: number): number[][] {
  const Q = randomOrthogonal(mu.length, rng(seed));
  return Q.map((qi) => Q.map((qj) => mu.reduce((s, m, k) => s + m * qi[k] * qj[k], 0)));
}

Deno.test("kernelSpectrum() recovers a planted spectrum divided by the pool size", () => {
  const mu = [8, 4, 2, 1, 0.5];
  const { eigenvalues } = kernelSpectrum(plantedKernel(mu, 1), [1, 0, 0, 0, 0]);
  mu.forEach((m, i) => assertClose(eigenvalues[i], m / 5, 1e-12));
});

Deno.test("kernelSpectrum(): target power sums to mean(y²) and rebuilds y through the eigenfunctions", () => {
  const K = plantedKernel([5, 3, 2, 1.5, 1, 0.2], 2);
  const y = Array.from(rng(3).normals(6));
  const { targetPower } = kernelSpectrum(K, y);
  assertClose(targetPower.reduce((a, b) => a + b, 0), y.reduce((a, v) => a + v * v, 0) / 6, 1e-12);
  // v_i² = (u_iᵀy)²/M with u_i the unit eigenvectors of K.
  const { vectors } = eigh(K);
  for (let i = 0; i < 6; i++) {
    const dot = y.reduce((s, v, j) => s + vectors[j][i] * v, 0);
    assertClose(targetPower[i], (dot * dot) / 6, 1e-12);
  }
});

Deno.test("kernelSpectrum() says what was wrong with the target", () => {
  assertThrows(
    () => kernelSpectrum([[1, 0], [0, 1]], [1]),
    RangeError,
    "one target value per pool point (2), got 1",
  );
});

import { assert, assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { eigh } from "../linalg/mod.ts";
import { rng } from "../random.ts";
import { pcaProject } from "./pca.ts";

/** n samples in d dimensions with independent coordinates of std (d, d−1, …, 1), rotated, plus an offset. */
function planted(n: number, d: number, seed: number): Float64Array {
  const r = rng(seed);
  const x = new Float64Array(n * d);
  const angle = 0.7, c = Math.cos(angle), s = Math.sin(angle);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) x[i * d + j] = (d - j) * r.normal() + 3;
    const [a, b] = [x[i * d], x[i * d + 1]]; // rotate the first two coordinates
    x[i * d] = c * a - s * b;
    x[i * d + 1] = s * a + c * b;
  }
  return x;
}

Deno.test("pcaProject() keeps the top eigenvalues of the sample covariance as uncorrelated coordinates", () => {
  const n = 500, d = 5, k = 3;
  const x = planted(n, d, 1);
  const { x: z, variances, components, explained } = pcaProject(x, { d, k });
  // Reference: eigenvalues of the centred sample covariance, computed directly.
  const mean = Array.from(
    { length: d },
    (_, j) => Array.from({ length: n }, (_, i) => x[i * d + j]).reduce((a, b) => a + b) / n,
  );
  const cov = Array.from({ length: d }, (_, a) =>
    Array.from({ length: d }, (_, b) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += (x[i * d + a] - mean[a]) * (x[i * d + b] - mean[b]);
      return s / n;
    }));
  const ref = eigh(cov).values;
  for (let c = 0; c < k; c++) assertClose(variances[c], ref[c], 1e-9);
  assertClose(explained, (ref[0] + ref[1] + ref[2]) / ref.reduce((a, b) => a + b), 1e-12);
  // Projected coordinates: zero mean, covariance diag(variances); components orthonormal.
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += z[i * k + a] * z[i * k + b];
      assertClose(s / n, a === b ? variances[a] : 0, 1e-8);
      const dot = components[a].reduce((t, v, j) => t + v * components[b][j], 0);
      assertClose(dot, a === b ? 1 : 0, 1e-10);
    }
  }
});

Deno.test("pcaProject({ normalize }) rescales to mean square 1 and leaves the input untouched", () => {
  const x = planted(200, 4, 2);
  const copy = Float64Array.from(x);
  const { x: z } = pcaProject(x, { d: 4, k: 2, normalize: true });
  assertClose(z.reduce((s, v) => s + v * v, 0) / z.length, 1, 1e-12);
  assert(x.every((v, i) => v === copy[i]), "input unchanged");
});

Deno.test("pcaProject() rejects a ragged array and an impossible k", () => {
  assertThrows(() => pcaProject(new Float64Array(7), { d: 2, k: 1 }), RangeError, "got 7 values");
  assertThrows(() => pcaProject(new Float64Array(8), { d: 2, k: 3 }), RangeError, "k = 3");
  assertEquals(pcaProject(Float64Array.from([1, 2, 3, 4]), { d: 2, k: 2 }).k, 2);
});

import { assert, assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { hypercubeEigenvalues } from "../theory/hypercube_kernel.ts";
import {
  hypercube,
  hypercubeGram,
  kernelFromParitySpectrum,
  overlapKernel,
  parity,
  paritySpectrum,
  paritySum,
  popcount,
  randomParityMask,
} from "./hypercube.ts";

Deno.test("parity(S, v) is the product of the coordinates of vertex v in S", () => {
  const d = 5, { x } = hypercube(d);
  for (let v = 0; v < 32; v++) {
    for (let S = 0; S < 32; S++) {
      let p = 1;
      for (let i = 0; i < d; i++) if ((S >> i) & 1) p *= x[v * d + i];
      assertEquals(parity(S, v), p);
    }
  }
});

Deno.test("parities are orthonormal under the uniform distribution", () => {
  const N = 16;
  for (let S = 0; S < N; S++) {
    for (let T = 0; T < N; T++) {
      let s = 0;
      for (let v = 0; v < N; v++) s += parity(S, v) * parity(T, v);
      assertEquals(s / N, S === T ? 1 : 0);
    }
  }
});

Deno.test("overlapKernel() tabulates g(x·x'/d) by XOR, and paritySpectrum() recovers the degree eigenvalues", () => {
  const d = 6, g = (t: number) => Math.exp(1.5 * t);
  const k = overlapKernel(g, d), { x } = hypercube(d);
  const K = hypercubeGram(k, [0, 5, 17, 63], [3, 5, 40]);
  [0, 5, 17, 63].forEach((a, i) =>
    [3, 5, 40].forEach((b, j) => {
      let dot = 0;
      for (let c = 0; c < d; c++) dot += x[a * d + c] * x[b * d + c];
      assertClose(K[i][j], g(dot / d), 1e-15);
    })
  );
  const byDegree = hypercubeEigenvalues(g, d);
  const lam = paritySpectrum(k);
  for (let S = 0; S < 64; S++) assertClose(lam[S], byDegree[popcount(S)], 1e-13, `S = ${S}`);
  const back = kernelFromParitySpectrum(lam);
  for (let z = 0; z < 64; z++) assertClose(back[z], k[z], 1e-13);
});

Deno.test("paritySum() and randomParityMask() build the intended functions", () => {
  const r = rng(2);
  for (let k = 0; k <= 7; k++) assertEquals(popcount(randomParityMask(k, 7, r)), k);
  const f = paritySum([0b11, 0b100], [2, -1], 3);
  for (let v = 0; v < 8; v++) assertEquals(f[v], 2 * parity(0b11, v) - parity(0b100, v));
  assertThrows(() => randomParityMask(4, 3, r), RangeError, "0 ≤ k ≤ d = 3, got 4");
  assertThrows(() => paritySum([1], [1, 2], 2), RangeError, "one coefficient per mask");
  assertThrows(() => hypercubeGram(overlapKernel((t) => t, 2), [0, 4], [1]), RangeError, "outside 0…3");
  assert(hypercube(3).x.every((v) => v === 1 || v === -1));
});

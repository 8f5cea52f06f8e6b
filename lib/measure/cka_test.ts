import { assert, assertClose, assertThrows } from "../_assert.ts";
import { randomOrthogonal } from "../linalg/orthogonal.ts";
import { rng } from "../random.ts";
import { linearCka } from "./cka.ts";

function gaussian(n: number, p: number, seed: number): number[][] {
  const r = rng(seed);
  return Array.from({ length: n }, () => Array.from(r.normals(p)));
}

/** CKA from the definition with centred n×n Gram matrices. */
function gramCka(A: number[][], B: number[][]): number {
  const n = A.length;
  const centre = (X: number[][]) => {
    const m = X[0].map((_, j) => X.reduce((s, r) => s + r[j], 0) / n);
    return X.map((r) => r.map((v, j) => v - m[j]));
  };
  const K = (X: number[][]) => X.map((a) => X.map((b) => a.reduce((s, v, k) => s + v * b[k], 0)));
  const [ka, kb] = [K(centre(A)), K(centre(B))];
  const dot = (P: number[][], Q: number[][]) =>
    P.reduce((s, r, i) => s + r.reduce((t, v, j) => t + v * Q[i][j], 0), 0);
  return dot(ka, kb) / Math.sqrt(dot(ka, ka) * dot(kb, kb));
}

Deno.test("linearCka() equals the Gram-matrix definition, on both computation paths", () => {
  for (const [n, p, q] of [[40, 3, 5], [6, 20, 30]]) { // feature-space path, then Gram path
    const A = gaussian(n, p, 1),
      B = gaussian(n, q, 2).map((r, i) => r.map((v, j) => v + (j < p ? A[i][j] : 0)));
    assertClose(linearCka(A, B), gramCka(A, B), 1e-12);
  }
});

Deno.test("linearCka() is 1 for B = c·A·Q (Q orthogonal), symmetric, and in [0, 1]", () => {
  const A = gaussian(25, 7, 3), Q = randomOrthogonal(7, 4);
  const B = A.map((r) => Q[0].map((_, j) => -0.3 * r.reduce((s, v, k) => s + v * Q[k][j], 0)));
  assertClose(linearCka(A, B), 1, 1e-12);
  const C = gaussian(25, 4, 5);
  assertClose(linearCka(A, C), linearCka(C, A), 1e-14);
  const v = linearCka(A, C);
  assert(v > 0 && v < 1, `CKA in (0, 1), got ${v}`);
});

Deno.test("linearCka() rejects representations of different inputs and constant ones", () => {
  assertThrows(() => linearCka([[1], [2]], [[1], [2], [3]]), RangeError, "got 2 and 3");
  assertThrows(() => linearCka([[1], [1]], [[1], [2]]), RangeError, "constant");
});

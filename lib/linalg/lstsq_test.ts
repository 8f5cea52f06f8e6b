import { assert, assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { choleskySolve } from "./cholesky.ts";
import { gram, matmul, matvec, transpose } from "./matrix.ts";
import { lstsq, pinv } from "./lstsq.ts";
import { gaussianMatrix, identity, maxAbsDiff } from "./_testing.ts";

const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

Deno.test("pinv() gives the minimum-norm solution of an underdetermined system: X X⁺ y = y, ⟂ null space", () => {
  const n = 6, d = 15;
  const X = gaussianMatrix(n, d, 1);
  const y = rng(2).normals(n);
  const P = pinv(X);
  assertEquals([P.length, P[0].length], [d, n]);
  const w = matvec(P, y);
  // Interpolates: X X⁺ y = y.
  const r = Math.max(...matvec(X, w).map((v, i) => Math.abs(v - y[i])));
  assert(r < 1e-12, `residual ${r}`);
  // Orthogonal to the null space: z = (I − X⁺X) g has X z = 0, and ⟨w, z⟩ = 0.
  const proj = matmul(P, X);
  const g = rng(3).normals(d);
  const z = matvec(identity(d).map((row, i) => row.map((v, j) => v - proj[i][j])), g);
  assert(Math.max(...matvec(X, z).map(Math.abs)) < 1e-12, "z is in the null space");
  assert(dot(z, z) > 1, "z is not trivially zero");
  assertClose(dot(w, z), 0, 1e-12, "⟨w, z⟩");
  // Every other solution w + z is longer; and w = Xᵀ(XXᵀ)⁻¹y, the closed form.
  assert(dot(w, w) < dot(w.map((v, i) => v + z[i]), w.map((v, i) => v + z[i])));
  const closed = matvec(transpose(X), choleskySolve(gram(X), y));
  assert(Math.max(...w.map((v, i) => Math.abs(v - closed[i]))) < 1e-12);
});

Deno.test("pinv() satisfies the four Penrose conditions on a rank-deficient matrix", () => {
  const B = gaussianMatrix(7, 3, 4), C = gaussianMatrix(3, 5, 5);
  const X = matmul(B, C); // [7, 5], rank 3
  const P = pinv(X);
  assert(maxAbsDiff(matmul(matmul(X, P), X), X) < 1e-12, "X X⁺ X = X");
  assert(maxAbsDiff(matmul(matmul(P, X), P), P) < 1e-12, "X⁺ X X⁺ = X⁺");
  const XP = matmul(X, P), PX = matmul(P, X);
  assert(maxAbsDiff(XP, transpose(XP)) < 1e-12 && maxAbsDiff(PX, transpose(PX)) < 1e-12, "symmetric");
  assertEquals(lstsq(X, rng(6).normals(7)).rank, 3);
});

Deno.test("lstsq() equals pinv(X) y, and the normal equations when X has full column rank", () => {
  const X = gaussianMatrix(30, 4, 7);
  const y = rng(8).normals(30);
  const { solution, rank, singularValues, residualNorm } = lstsq(X, y);
  assertEquals(rank, 4);
  assert(singularValues.every((s, k) => k === 0 || s <= singularValues[k - 1]), "descending");
  const normal = choleskySolve(gram(X, { of: "columns" }), matvec(transpose(X), y));
  assert(Math.max(...solution.map((v, i) => Math.abs(v - normal[i]))) < 1e-12);
  const viaPinv = matvec(pinv(X), y);
  assert(Math.max(...solution.map((v, i) => Math.abs(v - viaPinv[i]))) < 1e-12);
  const r = matvec(X, solution).map((v, i) => v - y[i]);
  assertClose(residualNorm, Math.sqrt(dot(r, r)), 1e-12);
  // The residual is orthogonal to the column space (normal equations).
  assert(Math.max(...matvec(transpose(X), r).map(Math.abs)) < 1e-12);
});

Deno.test("lstsq() splits weight evenly across duplicated features (the minimum-norm choice)", () => {
  const X = [[1, 1], [2, 2], [3, 3]];
  const { solution, rank } = lstsq(X, [2, 4, 6]);
  assertEquals(rank, 1);
  assertClose(solution[0], 1, 1e-12);
  assertClose(solution[1], 1, 1e-12);
});

Deno.test("lstsq() rcond truncates small singular directions", () => {
  const X = [[1, 0], [0, 1e-9]];
  assertEquals(lstsq(X, [1, 1]).rank, 2);
  const { solution, rank } = lstsq(X, [1, 1], { rcond: 1e-6 });
  assertEquals(rank, 1);
  assertClose(solution[1], 0, 1e-15);
});

Deno.test("lstsq() and pinv() reject mismatched and malformed input", () => {
  assertThrows(
    () => lstsq([[1, 2], [3, 4]], [1, 2, 3]),
    RangeError,
    "lstsq(X, y): expected y to have length 2 to match the matrix, got 3",
  );
  assertThrows(() => pinv([[1, 2], [3]]), RangeError, "pinv(X): expected every row of X to have 2 entries");
  assertThrows(() => pinv([[1]], { rcond: -1 }), RangeError, "pinv(X): expected options.rcond ≥ 0, got -1");
});

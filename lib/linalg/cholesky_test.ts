import { assert, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { cholesky, choleskySolve } from "./cholesky.ts";
import { gram, matmul, matvec, transpose } from "./matrix.ts";
import { gaussianMatrix, maxAbsDiff } from "./_testing.ts";

/** A well-conditioned SPD matrix XᵀX/n + I, [d, d]. */
function spd(d: number, seed: number): number[][] {
  const n = 3 * d;
  return gram(gaussianMatrix(n, d, seed), { of: "columns" }).map((row, i) =>
    row.map((v, j) => v / n + (i === j ? 1 : 0))
  );
}

Deno.test("cholesky() returns a lower-triangular L with positive diagonal and L Lᵀ = A", () => {
  const A = spd(20, 1);
  const L = cholesky(A);
  for (let i = 0; i < 20; i++) {
    assert(L[i][i] > 0, `L[${i}][${i}] = ${L[i][i]}`);
    for (let j = i + 1; j < 20; j++) assert(L[i][j] === 0, `L[${i}][${j}] = ${L[i][j]}`);
  }
  assert(maxAbsDiff(matmul(L, transpose(L)), A) < 1e-13);
});

Deno.test("choleskySolve() leaves a residual at rounding level, for a vector and for several right-hand sides", () => {
  const A = spd(50, 2);
  const b = rng(3).normals(50);
  const x = choleskySolve(A, b);
  const r = matvec(A, x).map((v, i) => v - b[i]);
  assert(Math.max(...r.map(Math.abs)) < 1e-12, `residual ${Math.max(...r.map(Math.abs))}`);
  const B = gaussianMatrix(50, 3, 4);
  const X = choleskySolve(A, B);
  assert(maxAbsDiff(matmul(A, X), B) < 1e-12);
});

Deno.test("choleskySolve() rejects an indefinite, a non-symmetric or a mismatched system with what was wrong", () => {
  assertThrows(
    () => choleskySolve([[1, 0, 0], [0, 1, 2], [0, 2, 1]], [1, 1, 1]),
    RangeError,
    "choleskySolve(A, B): expected a symmetric positive-definite matrix A, but the Cholesky factorization " +
      "broke down at pivot 2 (a non-positive pivot); for a semi-definite A add a ridge (A + εI) or use lstsq()",
  );
  assertThrows(
    () => choleskySolve([[2, 1], [0, 2]], [1, 1]),
    RangeError,
    "choleskySolve(A, B): expected a symmetric matrix A",
  );
  assertThrows(
    () => choleskySolve([[2, 0], [0, 2]], [1, 1, 1]),
    RangeError,
    "choleskySolve(A, B): expected b to have length 2 to match the matrix, got 3",
  );
  assertThrows(
    () => choleskySolve([[2, 0], [0, 2]], [[1], [1], [1]]),
    RangeError,
    "choleskySolve(A, B): expected B to have 2 rows to match A, got 3",
  );
  assertThrows(
    () => cholesky([[1, 2, 3]]),
    RangeError,
    "cholesky(A): expected a square matrix A, got shape [1, 3]",
  );
});

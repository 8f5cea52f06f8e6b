import { assert, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { matmul, matvec } from "./matrix.ts";
import { solve } from "./solve.ts";
import { gaussianMatrix, maxAbsDiff } from "./_testing.ts";

Deno.test("solve() leaves a residual at rounding level on a random non-symmetric system", () => {
  const A = gaussianMatrix(60, 60, 1);
  const b = rng(2).normals(60);
  const x = solve(A, b);
  assert(x instanceof Float64Array && x.length === 60);
  const r = Math.max(...matvec(A, x).map((v, i) => Math.abs(v - b[i])));
  assert(r < 1e-10, `residual ${r}`);
  const B = gaussianMatrix(60, 4, 3);
  assert(maxAbsDiff(matmul(A, solve(A, B)), B) < 1e-10);
});

Deno.test("solve() recovers a planted solution", () => {
  const A = gaussianMatrix(10, 10, 4);
  const xTrue = rng(5).normals(10);
  const x = solve(A, matvec(A, xTrue));
  assert(Math.max(...x.map((v, i) => Math.abs(v - xTrue[i]))) < 1e-10);
});

Deno.test("solve() rejects non-square and singular matrices, and points to lstsq()", () => {
  assertThrows(
    () => solve([[1, 2, 3], [4, 5, 6]], [1, 2]),
    RangeError,
    "solve(A, B): expected a square matrix A, got shape [2, 3]",
  );
  assertThrows(
    () => solve([[1, 2], [2, 4]], [1, 2]),
    RangeError,
    "solve(A, B): expected a non-singular matrix A, but LU found a zero pivot at column 1; " +
      "use lstsq() for the minimum-norm least-squares solution",
  );
  assertThrows(
    () => solve([[1, 0], [0, 1]], [1]),
    RangeError,
    "solve(A, B): expected b to have length 2 to match the matrix, got 1",
  );
});

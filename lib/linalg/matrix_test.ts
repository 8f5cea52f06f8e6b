import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { gram, type GramOptions, matmul, matvec, shape, transpose } from "./matrix.ts";
import { gaussianMatrix, maxAbsDiff } from "./_testing.ts";

Deno.test("matmul() agrees with the definition and (AB)ᵀ = BᵀAᵀ", () => {
  assertEquals(matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]]), [[19, 22], [43, 50]]);
  const A = gaussianMatrix(4, 3, 1), B = gaussianMatrix(3, 5, 2);
  assert(maxAbsDiff(transpose(matmul(A, B)), matmul(transpose(B), transpose(A))) < 1e-14);
});

Deno.test("matvec() equals matmul() with a one-column matrix, and accepts Float64Array rows", () => {
  const A = gaussianMatrix(4, 3, 3).map((r) => Float64Array.from(r));
  const v = [1, -2, 0.5];
  const viaMatmul = matmul(A, v.map((x) => [x])).map((r) => r[0]);
  assert(maxAbsDiff([Array.from(matvec(A, v))], [viaMatmul]) < 1e-15);
});

Deno.test("gram() of rows is X Xᵀ and of columns is Xᵀ X, both exactly symmetric", () => {
  const X = gaussianMatrix(5, 3, 4);
  const K = gram(X), C = gram(X, { of: "columns" });
  assertEquals(shape(K), [5, 5]);
  assertEquals(shape(C), [3, 3]);
  assert(maxAbsDiff(K, matmul(X, transpose(X))) < 1e-14);
  assert(maxAbsDiff(C, matmul(transpose(X), X)) < 1e-14);
  assertEquals(K, transpose(K));
});

Deno.test("matrix helpers reject mismatched, ragged and empty input with the shapes", () => {
  assertThrows(
    () => matmul([[1, 2, 3]], [[1, 2, 3]]),
    RangeError,
    "matmul(A, B): expected the columns of A to match the rows of B, got shapes [1, 3] and [1, 3]",
  );
  assertThrows(
    () => transpose([[1, 2], [3]]),
    RangeError,
    "transpose(A): expected every row of A to have 2 entries (row-major [rows, cols]), but row 1 has 1",
  );
  assertThrows(
    () => shape([]),
    RangeError,
    "shape(A): expected A to be a non-empty array of rows, got an array of length 0",
  );
  assertThrows(
    () => matvec([[1, 2]], [1]),
    RangeError,
    "matvec(A, v): expected v to have length 2 to match the matrix, got 1",
  );
  assertThrows(
    () => matvec([[1, NaN]], [1, 1]),
    RangeError,
    "matvec(A, v): expected finite entries, but A[0][1] = NaN",
  );
  assertThrows(
    () => gram([[1]], { of: "cols" } as unknown as GramOptions),
    RangeError,
    `expected options.of to be "rows" or "columns", got "cols"`,
  );
});

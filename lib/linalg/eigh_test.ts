import { assert, assertClose, assertThrows } from "../_assert.ts";
import { eigh, type EighOptions } from "./eigh.ts";
import { openBlas } from "../native/openblas.ts";
import { gram, matmul, transpose } from "./matrix.ts";
import { plantedSymmetric, randomOrthogonal } from "./orthogonal.ts";
import { gaussianMatrix, identity, maxAbsDiff } from "./_testing.ts";

/** Every solver this machine has: LAPACK (when OpenBLAS loads) and ml-matrix. */
const SOLVERS: NonNullable<EighOptions["solver"]>[] = openBlas() ? ["lapack", "ml-matrix"] : ["ml-matrix"];

function reconstruct(values: Float64Array, V: number[][]): number[][] {
  const scaled = V.map((row) => row.map((v, k) => v * values[k]));
  return matmul(scaled, transpose(V));
}

for (const solver of SOLVERS) {
  Deno.test(`eigh() recovers a planted spectrum, its eigenvectors up to sign, and reconstructs A (${solver})`, () => {
    const n = 30;
    const planted = Array.from({ length: n }, (_, k) => 10 * 0.8 ** k - 1); // distinct, mixed signs
    const shuffled = [...planted].reverse(); // eigh must sort, whatever the planted order
    const Q = randomOrthogonal(n, 11);
    const A = matmul(matmul(Q, shuffled.map((l, i) => identity(n)[i].map((v) => v * l))), transpose(Q));
    const { values, vectors } = eigh(A, { symmetryTol: 1e-12, solver });
    for (let k = 0; k < n; k++) assertClose(values[k], planted[k], 1e-12, `λ${k}`);
    for (let k = 1; k < n; k++) assert(values[k - 1] >= values[k], "descending");
    // vectors[:, k] = ±Q[:, n-1-k] (the planted order was reversed).
    for (let k = 0; k < n; k++) {
      const dot = vectors.reduce((s, row, i) => s + row[k] * Q[i][n - 1 - k], 0);
      assertClose(Math.abs(dot), 1, 1e-10, `|⟨v${k}, q⟩|`);
    }
    assert(maxAbsDiff(reconstruct(values, vectors), A) < 1e-12);
    assert(maxAbsDiff(matmul(transpose(vectors), vectors), identity(n)) < 1e-12);
  });
}

for (const solver of SOLVERS) {
  Deno.test(`eigh() handles a degenerate spectrum: right values, orthonormal basis, exact reconstruction (${solver})`, () => {
    const planted = [4, 4, 4, 1, 1, 0, 0, 0];
    const A = plantedSymmetric(planted, 5);
    const { values, vectors } = eigh(A, { solver });
    planted.forEach((l, k) => assertClose(values[k], l, 1e-12, `λ${k}`));
    assert(maxAbsDiff(matmul(transpose(vectors), vectors), identity(8)) < 1e-12);
    assert(maxAbsDiff(reconstruct(values, vectors), A) < 1e-12);
  });
}

for (const solver of SOLVERS) {
  Deno.test(`eigh() fixes each eigenvector's sign so its largest entry is positive (${solver})`, () => {
    const { vectors } = eigh(gram(gaussianMatrix(6, 4, 2)), { solver });
    for (let k = 0; k < 6; k++) {
      const col = vectors.map((row) => row[k]);
      const big = col.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
      assert(big > 0, `column ${k}`);
    }
  });
}

for (const solver of SOLVERS) {
  Deno.test(`eigh() accepts rounding-level asymmetry and symmetrizes it away (${solver})`, () => {
    const A = plantedSymmetric([3, 2, 1], 4);
    const B = A.map((row) => row.map((v) => Math.fround(v))); // float32 entries, exactly symmetric
    B[0][1] += 1e-7;
    assertThrows(() => eigh(B, { solver }), RangeError, "expected a symmetric matrix A");
    const { values } = eigh(B, { symmetryTol: 1e-5, solver });
    [3, 2, 1].forEach((l, k) => assertClose(values[k], l, 1e-6));
  });
}

Deno.test("eigh() rejects non-square, non-symmetric and non-finite input with the offending value", () => {
  assertThrows(
    () => eigh([[1, 2, 3], [4, 5, 6]]),
    RangeError,
    "eigh(A): expected a square matrix A, got shape [2, 3]",
  );
  assertThrows(
    () => eigh([[1, 2], [3, 4]]),
    RangeError,
    "eigh(A): expected a symmetric matrix A, but A[0][1] = 2 and A[1][0] = 3 differ by 1 " +
      "(allowed: symmetryTol · max|A| = 4e-8)",
  );
  assertThrows(
    () => eigh([[1, Infinity], [Infinity, 1]]),
    RangeError,
    "eigh(A): expected finite entries, but A[0][1] = Infinity",
  );
  assertThrows(
    () => eigh([]),
    RangeError,
    "eigh(A): expected A to be a non-empty array of rows, got an array of length 0",
  );
  assertThrows(
    () => eigh([[1]], { symmetryTol: -1 }),
    RangeError,
    "eigh(A, options): expected options.symmetryTol ≥ 0, got -1",
  );
  assertThrows(
    // deno-lint-ignore no-explicit-any
    () => eigh([[1]], { solver: "numpy" as any }),
    RangeError,
    'options.solver must be "auto", "lapack" or "ml-matrix", got "numpy"',
  );
});

Deno.test("eigh(): LAPACK and ml-matrix agree on a larger random matrix, values and eigenvectors", () => {
  if (!openBlas()) {
    assertThrows(() => eigh([[1]], { solver: "lapack" }), Error, "LAPACK is not available");
    return;
  }
  const n = 120;
  const A = gram(gaussianMatrix(n, n, 21)).map((row) => row.map((v) => v / n - 0.5));
  const [l, m] = [eigh(A, { solver: "lapack" }), eigh(A, { solver: "ml-matrix" })];
  for (let k = 0; k < n; k++) assertClose(l.values[k], m.values[k], 1e-10, `λ${k}`);
  // Distinct eigenvalues here, and both fix the sign the same way: the vectors agree entry by entry.
  assert(maxAbsDiff(l.vectors, m.vectors) < 1e-8, `vectors differ by ${maxAbsDiff(l.vectors, m.vectors)}`);
});

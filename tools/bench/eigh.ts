/**
 * Symmetric eigendecomposition through lib/linalg, at the sizes the kernel notebooks approach: as the course
 * runs it (LAPACK when OpenBLAS loads, else ml-matrix) and, for comparison, on ml-matrix at n = 500 (at
 * n = 1000 ml-matrix takes 14–24 s per call).
 *
 * @module
 */
import { eigh, plantedSymmetric } from "../../lib/linalg/mod.ts";
import { openBlas } from "../../lib/native/openblas.ts";
import type { Workload } from "./workload.ts";

/** `eigh` of a symmetric matrix of each size (ids `eigh.N`; `eigh.N.ml-matrix` for the JavaScript solver). */
export function eighWorkloads(sizes: number[] = [500, 1000]): Workload[] {
  const solver = openBlas() ? "LAPACK dsyevd" : "ml-matrix";
  const workload = (n: number, jsOnly: boolean): Workload => ({
    id: jsOnly ? `eigh.${n}.ml-matrix` : `eigh.${n}`,
    group: "Symmetric eigendecomposition (ms)",
    label: `eigh, n = ${n} (${jsOnly ? "ml-matrix" : solver})`,
    reference: `eigh.${n}`,
    repeats: { min: 3, max: 5, budgetMs: 0 },
    target: n === 1000 && !jsOnly
      ? { on: "value", op: "<=", bound: 3000, text: "eigh at n = 1000 ≤ 3 s" }
      : undefined,
    setup: () => {
      const A = plantedSymmetric(Array.from({ length: n }, (_, i) => 1 / (i + 1)), n);
      return { run: () => void eigh(A, { solver: jsOnly ? "ml-matrix" : "auto" }) };
    },
  });
  return [
    ...sizes.map((n) => workload(n, false)),
    ...(openBlas() ? sizes.filter((n) => n <= 500).map((n) => workload(n, true)) : []),
  ];
}

/**
 * Symmetric eigendecomposition through lib/linalg (ml-matrix), at the sizes the kernel notebooks approach.
 *
 * @module
 */
import { eigh, plantedSymmetric } from "../../lib/linalg/mod.ts";
import type { Workload } from "./workload.ts";

/** `eigh` of a random symmetric matrix of each size (ids `eigh.N`). */
export function eighWorkloads(sizes: number[] = [500, 1000]): Workload[] {
  return sizes.map((n) => ({
    id: `eigh.${n}`,
    group: "Symmetric eigendecomposition (ms)",
    label: `eigh, n = ${n}`,
    repeats: { min: 3, max: 5, budgetMs: 0 },
    target: n === 1000 ? { on: "value", op: "<=", bound: 3000, text: "eigh at n = 1000 ≤ 3 s" } : undefined,
    setup: () => {
      const A = plantedSymmetric(Array.from({ length: n }, (_, i) => 1 / (i + 1)), n);
      return { run: () => void eigh(A) };
    },
  }));
}

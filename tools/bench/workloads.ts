/**
 * The benchmark's workloads, in the order they run. To add one, write a function returning `Workload[]`
 * in its own file (see `workload.ts` for the fields, `mlp.ts` for an example) and append it here; for a
 * side-by-side Python number, add a function under the same id to `REFERENCES` in `reference.py`.
 *
 * @module
 */
import { matMulWorkloads } from "./matmul.ts";
import { mlpWorkloads } from "./mlp.ts";
import type { Workload } from "./workload.ts";

/** Every workload `deno task bench` runs. */
export function workloads(): Workload[] {
  return [
    ...matMulWorkloads(),
    ...mlpWorkloads(),
    // Planned: Hessian-vector product on the same MLP (reuse mlpProblem), symmetric eigendecomposition at
    // n = 500 / 1000, Jupyter kernel start and per-cell overhead, every notebook's wall time.
  ];
}

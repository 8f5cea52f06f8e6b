/**
 * The benchmark's workloads, in the order they run. To add one, write a function returning `Workload[]`
 * in its own file (see `workload.ts` for the fields, `mlp.ts` for an example) and append it here; for a
 * side-by-side Python number, add a function under the same id to `REFERENCES` in `reference.py`.
 *
 * @module
 */
import { eighWorkloads } from "./eigh.ts";
import { hvpWorkloads } from "./hvp.ts";
import { jupyterWorkloads } from "./jupyter.ts";
import { matMulWorkloads } from "./matmul.ts";
import { mlpWorkloads } from "./mlp.ts";
import type { Workload } from "./workload.ts";

/** Every workload `deno task bench` runs. */
export async function workloads(): Promise<Workload[]> {
  return [
    ...matMulWorkloads(),
    ...mlpWorkloads(),
    ...hvpWorkloads(),
    ...eighWorkloads(),
    ...await jupyterWorkloads(),
  ];
}

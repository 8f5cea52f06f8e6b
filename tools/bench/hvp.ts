/**
 * A Hessian-vector product on the benchmark MLP (exact double backprop, lib/measure/hvp.ts): the inner loop
 * of every sharpness measurement (notebook 07).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { hessianVectorProduct } from "../../lib/measure/hvp.ts";
import { rng } from "../../lib/random.ts";
import { mlpProblem } from "./mlp.ts";
import { openBlas } from "../../lib/native/openblas.ts";
import { engineLabel, type Workload } from "./workload.ts";

/** The HVP workload (id `mlp.hvp`), and on the XNNPACK patch (`mlp.hvp.xnnpack`) when OpenBLAS is in use. */
export function hvpWorkloads(): Workload[] {
  const hvp = (matMul: "patched" | "xnnpack"): Workload => ({
    id: matMul === "patched" ? "mlp.hvp" : "mlp.hvp.xnnpack",
    group: "MLP 64→512→512→1, batch 256 (ms)",
    label: `Hessian-vector product, double backprop (${engineLabel(matMul)})`,
    matMul,
    reference: "mlp.hvp",
    target: matMul === "patched"
      ? { on: "ratio", op: "<=", bound: 3, text: "HVP ≤ 3× one-thread PyTorch" }
      : undefined,
    setup: () => {
      const p = mlpProblem();
      const r = rng(1);
      const v = p.params.map((w) => tf.tensor(Float32Array.from(r.normals(w.size)), w.shape));
      return {
        run: () => {
          const hv = hessianVectorProduct(p.loss, p.params, v);
          hv[0].dataSync();
          tf.dispose(hv);
        },
        dispose: () => {
          tf.dispose(v);
          p.dispose();
        },
      };
    },
  });
  return [hvp("patched"), ...(openBlas() ? [hvp("xnnpack")] : [])];
}

/**
 * Parameter lists as flat vectors. Functional models keep their parameters as a list of tensors
 * `[W1, b1, W2, b2, …]` (`lib/models/mlp.ts`); Hessian-vector products and eigenvectors live in the same
 * space, $\theta \in \mathbb R^P$ with $P = \sum_i |\theta_i|$. These helpers move between the two forms in
 * the order of the list, each tensor row-major.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";

/** Total number of scalars $P$ in a parameter list (or a list of shapes). */
export function countParams(params: readonly (tf.Tensor | readonly number[])[]): number {
  return params.reduce(
    (n, p) => n + (Array.isArray(p) ? tf.util.sizeFromShape(p as number[]) : (p as tf.Tensor).size),
    0,
  );
}

/**
 * Concatenate the values of `params` into one `Float32Array` of length $P$.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs-core";
 * import "@tensorflow/tfjs-backend-cpu";
 * import { flattenParams, unflattenParams } from "./params.ts";
 * await tf.setBackend("cpu");
 * const params = [tf.tensor2d([[1, 2], [3, 4]]), tf.tensor1d([5])];
 * const flat = flattenParams(params); // [1, 2, 3, 4, 5]
 * const back = unflattenParams(flat, params); // shapes [2, 2] and [1]
 * if (back[1].dataSync()[0] !== 5) throw new Error("round trip");
 * ```
 */
export function flattenParams(params: readonly tf.Tensor[]): Float32Array {
  const out = new Float32Array(countParams(params));
  let offset = 0;
  for (const p of params) {
    out.set(p.dataSync(), offset);
    offset += p.size;
  }
  return out;
}

/**
 * Split a flat vector of length $P$ into new float32 tensors shaped like `like` (tensors or shapes).
 * The caller owns (and disposes) the result.
 */
export function unflattenParams(
  vector: ArrayLike<number>,
  like: readonly (tf.Tensor | readonly number[])[],
): tf.Tensor[] {
  const total = countParams(like);
  if (vector.length !== total) {
    throw new RangeError(
      `unflattenParams: expected a vector of length ${total} (the parameter count), got ${vector.length}`,
    );
  }
  const data = vector instanceof Float32Array ? vector : Float32Array.from(vector);
  let offset = 0;
  return like.map((p) => {
    const shape = Array.isArray(p) ? [...p as number[]] : (p as tf.Tensor).shape;
    const size = tf.util.sizeFromShape(shape);
    const t = tf.tensor(data.subarray(offset, offset + size), shape, "float32");
    offset += size;
    return t;
  });
}

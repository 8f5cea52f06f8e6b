/**
 * Vector arithmetic on parameter lists (lists of tensors viewed as one vector). Private to `lib/measure`.
 * Results are new tensors; call inside `tf.tidy`.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";

/** $\langle a, b\rangle = \sum_i \sum a_i \odot b_i$, a scalar tensor. */
export function dot(a: readonly tf.Tensor[], b: readonly tf.Tensor[]): tf.Scalar {
  return tf.addN(a.map((t, i) => tf.sum(tf.mul(t, b[i])))) as tf.Scalar;
}

/** $c\,a$ for a scalar (number or scalar tensor) $c$. */
export function scale(a: readonly tf.Tensor[], c: number | tf.Scalar): tf.Tensor[] {
  return a.map((t) => tf.mul(t, c));
}

/** $a + c\,b$. */
export function axpy(a: readonly tf.Tensor[], c: number | tf.Scalar, b: readonly tf.Tensor[]): tf.Tensor[] {
  return a.map((t, i) => tf.add(t, tf.mul(b[i], c)));
}

/** Throws unless `v` has one tensor per parameter, of the same shape. */
export function checkSameShapes(fn: string, params: readonly tf.Tensor[], v: readonly tf.Tensor[]): void {
  if (params.length === 0) throw new RangeError(`${fn}: expected at least one parameter tensor, got none`);
  if (v.length !== params.length) {
    throw new RangeError(
      `${fn}: expected ${params.length} direction tensors (one per parameter), got ${v.length}`,
    );
  }
  params.forEach((p, i) => {
    if (p.shape.length !== v[i].shape.length || p.shape.some((s, j) => s !== v[i].shape[j])) {
      throw new RangeError(
        `${fn}: direction ${i} has shape [${v[i].shape}], expected the shape of parameter ${i}, [${p.shape}]`,
      );
    }
  });
}

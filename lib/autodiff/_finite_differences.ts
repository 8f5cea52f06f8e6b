/**
 * Finite-difference references for tests of `lib/autodiff` and `lib/measure` (private).
 *
 * Central differences of the *gradient* along a unit direction $v$:
 * $$Hv \approx \frac{\nabla L(\theta + \varepsilon v) - \nabla L(\theta - \varepsilon v)}{2\varepsilon},$$
 * error $O(\varepsilon^2)$ from truncation plus ≈ $10^{-7}\lVert\nabla L\rVert/\varepsilon$ from float32
 * rounding; with $\lVert v\rVert = 1$ and $\varepsilon = 10^{-2}$ both are ≈ $10^{-5}$ relative on the
 * small networks of the tests. First derivatives are checked the same way against `tf.grads`.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import "./_register_gradients.ts";
import { rng } from "../random.ts";

/** Gradient of a scalar loss of a parameter list (new tensors). */
export function gradientOf(lossFn: (params: tf.Tensor[]) => tf.Scalar, params: tf.Tensor[]): tf.Tensor[] {
  return tf.tidy(() => tf.grads((...ps: tf.Tensor[]) => lossFn(ps))(params));
}

/** Central difference of the gradient along `v`: the reference for $Hv$ (new tensors). */
export function finiteDifferenceHvp(
  lossFn: (params: tf.Tensor[]) => tf.Scalar,
  params: tf.Tensor[],
  v: tf.Tensor[],
  eps = 1e-2,
): tf.Tensor[] {
  return tf.tidy(() => {
    const plus = gradientOf(lossFn, params.map((p, i) => tf.add(p, tf.mul(v[i], eps))));
    const minus = gradientOf(lossFn, params.map((p, i) => tf.sub(p, tf.mul(v[i], eps))));
    return plus.map((g, i) => tf.div(tf.sub(g, minus[i]), 2 * eps));
  });
}

/** $\lVert a - b\rVert / \lVert b\rVert$ over whole parameter lists (read on the host). */
export function relativeError(a: tf.Tensor[], b: tf.Tensor[]): number {
  let num = 0, den = 0;
  a.forEach((t, i) => {
    const x = t.dataSync(), y = b[i].dataSync();
    for (let j = 0; j < x.length; j++) {
      num += (x[j] - y[j]) ** 2;
      den += y[j] ** 2;
    }
  });
  return Math.sqrt(num / den);
}

/** A seeded direction shaped like `params`, normalized to $\lVert v\rVert = 1$. */
export function unitDirection(params: tf.Tensor[], seed: number): tf.Tensor[] {
  const r = rng(seed);
  const parts = params.map((p) => r.normals(p.size));
  const norm = Math.sqrt(parts.reduce((s, x) => s + x.reduce((t, y) => t + y * y, 0), 0));
  return parts.map((x, i) => tf.tensor(Float32Array.from(x, (y) => y / norm), params[i].shape));
}

/** Seeded float32 tensor of normals. */
export function randomTensor(shape: number[], seed: number, std = 1): tf.Tensor {
  return tf.tensor(Float32Array.from(rng(seed).normals(tf.util.sizeFromShape(shape), std)), shape);
}

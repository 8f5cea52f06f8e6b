/**
 * A one-hidden-layer ReLU classifier in float64 with hand-written backpropagation, for checking conservation
 * laws that hold to rounding (notebook 03).
 *
 * $$z = xW_1 + b_1\ \ (\text{or } z = \mathrm{BN}(xW_1)),\qquad a = \mathrm{relu}(z),\qquad
 *   \text{logits} = aW_2 + b_2,\qquad L = \tfrac1n\sum_i -\ln\mathrm{softmax}(\text{logits}_i)_{y_i}.$$
 * Shapes (row-major, the `x W` convention of `lib/models/mlp.ts`): `x` `[n, d]`, `W1` `[d, h]`, `b1` `[h]`,
 * `W2` `[h, c]`, `b2` `[c]`. Hidden neuron $i$ has incoming weights $(W_1[:, i], b_1[i])$ and outgoing weights
 * $W_2[i, :]$. With `normalization: "batch"` the pre-activations are batch-normalized without affine
 * parameters and without $\epsilon$ ($\hat z = (z-\mu)/\sigma$ over the batch), so each column of $W_1$ is
 * exactly scale-invariant, and there is no $b_1$.
 *
 * Symmetries (Kunin et al. 2021, arXiv:2012.04728): rescale $(W_1[:,i], b_1[i], W_2[i,:]) \to
 * (\alpha W_1[:,i], \alpha b_1[i], W_2[i,:]/\alpha)$ (ReLU is positively homogeneous); translation
 * $W_2[i,:] \to W_2[i,:] + \beta_i\mathbf 1$, $b_2 \to b_2 + \beta\mathbf 1$ (softmax ignores a common shift);
 * scale $W_1[:,i]\to\alpha W_1[:,i]$ under batch normalization.
 *
 * **Why float64 and plain loops.** The conservation laws compare a change of order $\eta^2\|g\|^2\sim10^{-4}$
 * with weights of norm ≈ 1: in float32 (tfjs) rounding alone is ≈ $10^{-7}$, a relative error of order
 * $10^{-3}$–$1$; in float64 it is ≈ $10^{-12}$ (tfjs has no float64). A step on a batch of 128 digits with
 * $h = 32$ costs ≈ 0.6M multiply-adds: measured 3.5–5 ms on the project's shared 2-core machine under load (a few
 * times faster on an idle core), so notebook 03's ≈ 1,250 steps take a few seconds.
 *
 * @module
 */
import { rng } from "../random.ts";

/** Architecture: `sizes` = `[d, h, c]`. */
export interface Float64MlpSpec {
  sizes: [number, number, number];
  /** `"batch"`: batch-normalize the hidden pre-activations (no affine, no ε, no `b1`). Default `"none"`. */
  normalization?: "none" | "batch";
}

/** Parameters (and, with the same shapes, gradients). `b1` is empty under batch normalization. */
export interface Float64MlpParams {
  /** `[d, h]` row-major. */
  W1: Float64Array;
  /** `[h]` (length 0 with batch normalization). */
  b1: Float64Array;
  /** `[h, c]` row-major. */
  W2: Float64Array;
  /** `[c]`. */
  b2: Float64Array;
}

function dims(spec: Float64MlpSpec): [number, number, number] {
  const [d, h, c] = spec.sizes;
  if (![d, h, c].every((k) => Number.isInteger(k) && k >= 1) || c < 2) {
    throw new RangeError(
      `Float64 MLP: expected sizes [d, h, c] of positive integers with c ≥ 2 classes, got [${
        spec.sizes.join(", ")
      }]`,
    );
  }
  return [d, h, c];
}

/**
 * He-initialized parameters from `seed`: $W_1\sim\mathcal N(0, 2/d)$, $W_2\sim\mathcal N(0, 1/h)$, biases zero.
 *
 * @example
 * ```ts
 * import { initFloat64Mlp } from "./float64_mlp.ts";
 * const p = initFloat64Mlp({ sizes: [4, 3, 2] }, { seed: 0 });
 * if (p.W1.length !== 12 || p.b1.length !== 3 || p.W2.length !== 6 || p.b2.length !== 2) throw new Error("shapes");
 * ```
 */
export function initFloat64Mlp(spec: Float64MlpSpec, options: { seed: number }): Float64MlpParams {
  const [d, h, c] = dims(spec);
  const r = rng(options.seed);
  return {
    W1: r.normals(d * h, Math.sqrt(2 / d)),
    b1: new Float64Array(spec.normalization === "batch" ? 0 : h),
    W2: r.normals(h * c, Math.sqrt(1 / h)),
    b2: new Float64Array(c),
  };
}

/** A deep copy. */
export function cloneFloat64Mlp(p: Float64MlpParams): Float64MlpParams {
  return { W1: p.W1.slice(), b1: p.b1.slice(), W2: p.W2.slice(), b2: p.b2.slice() };
}

/** Mean softmax cross-entropy `loss`, gradients `grads` (shaped like the parameters) and training `accuracy`. */
export interface Float64MlpGradients {
  loss: number;
  accuracy: number;
  grads: Float64MlpParams;
}

/**
 * Loss and exact gradients on a batch `x` `[n, d]` (row-major flat) with integer labels `y` `[n]`.
 *
 * @example
 * ```ts
 * import { float64MlpGradients, initFloat64Mlp } from "./float64_mlp.ts";
 * const spec = { sizes: [2, 3, 2] as [number, number, number] };
 * const p = initFloat64Mlp(spec, { seed: 1 });
 * const { loss, grads } = float64MlpGradients(spec, p, new Float64Array([1, 0, 0, 1]), new Int32Array([0, 1]));
 * let sum = 0;
 * for (let k = 0; k < 2; k++) sum += grads.b2[k];
 * if (!(loss > 0) || Math.abs(sum) > 1e-15) throw new Error("softmax gradients sum to zero over classes");
 * ```
 */
export function float64MlpGradients(
  spec: Float64MlpSpec,
  params: Float64MlpParams,
  x: Float64Array,
  y: Int32Array,
): Float64MlpGradients {
  const [d, h, c] = dims(spec);
  const n = y.length;
  const bn = spec.normalization === "batch";
  if (x.length !== n * d) {
    throw new RangeError(`float64MlpGradients: expected x of length n·d = ${n}·${d}, got ${x.length}`);
  }
  const { W1, b1, W2, b2 } = params;
  // Forward: pre-activations z [n, h] (normalized in place under BN), activations a [n, h].
  const z = new Float64Array(n * h);
  for (let s = 0; s < n; s++) {
    const zs = s * h, xs = s * d;
    for (let j = 0; j < d; j++) {
      const xv = x[xs + j], wj = j * h;
      if (xv === 0) continue;
      for (let i = 0; i < h; i++) z[zs + i] += xv * W1[wj + i];
    }
    if (!bn) { for (let i = 0; i < h; i++) z[zs + i] += b1[i]; }
  }
  const sigma = new Float64Array(h);
  if (bn) {
    for (let i = 0; i < h; i++) {
      let mean = 0, sq = 0;
      for (let s = 0; s < n; s++) mean += z[s * h + i];
      mean /= n;
      for (let s = 0; s < n; s++) sq += (z[s * h + i] - mean) ** 2;
      sigma[i] = Math.sqrt(sq / n);
      if (!(sigma[i] > 0)) {
        throw new RangeError(
          `float64MlpGradients: hidden unit ${i} has zero variance over the batch; batch norm without ε is undefined`,
        );
      }
      for (let s = 0; s < n; s++) z[s * h + i] = (z[s * h + i] - mean) / sigma[i];
    }
  }
  const a = z.map((v) => (v > 0 ? v : 0));
  // Logits, softmax, loss; dlogits = (p − onehot)/n.
  const dl = new Float64Array(n * c);
  let loss = 0, correct = 0;
  for (let s = 0; s < n; s++) {
    let max = -Infinity, arg = 0;
    for (let k = 0; k < c; k++) {
      let v = b2[k];
      for (let i = 0; i < h; i++) v += a[s * h + i] * W2[i * c + k];
      dl[s * c + k] = v;
      if (v > max) [max, arg] = [v, k];
    }
    if (arg === y[s]) correct++;
    let sum = 0;
    for (let k = 0; k < c; k++) sum += Math.exp(dl[s * c + k] - max);
    loss += Math.log(sum) + max - dl[s * c + y[s]];
    for (let k = 0; k < c; k++) {
      dl[s * c + k] = (Math.exp(dl[s * c + k] - max) / sum - (k === y[s] ? 1 : 0)) / n;
    }
  }
  // Backward.
  const gW2 = new Float64Array(h * c), gb2 = new Float64Array(c), dz = new Float64Array(n * h);
  for (let s = 0; s < n; s++) {
    for (let k = 0; k < c; k++) gb2[k] += dl[s * c + k];
    for (let i = 0; i < h; i++) {
      const ai = a[s * h + i];
      let da = 0;
      for (let k = 0; k < c; k++) {
        gW2[i * c + k] += ai * dl[s * c + k];
        da += dl[s * c + k] * W2[i * c + k];
      }
      dz[s * h + i] = z[s * h + i] > 0 ? da : 0;
    }
  }
  if (bn) {
    // d/dz of ẑ = (z − μ)/σ: (dẑ − mean(dẑ) − ẑ · mean(dẑ ẑ)) / σ.
    for (let i = 0; i < h; i++) {
      let m1 = 0, m2 = 0;
      for (let s = 0; s < n; s++) {
        m1 += dz[s * h + i];
        m2 += dz[s * h + i] * z[s * h + i];
      }
      m1 /= n;
      m2 /= n;
      for (let s = 0; s < n; s++) dz[s * h + i] = (dz[s * h + i] - m1 - z[s * h + i] * m2) / sigma[i];
    }
  }
  const gW1 = new Float64Array(d * h), gb1 = new Float64Array(bn ? 0 : h);
  for (let s = 0; s < n; s++) {
    const zs = s * h, xs = s * d;
    for (let j = 0; j < d; j++) {
      const xv = x[xs + j], wj = j * h;
      if (xv === 0) continue;
      for (let i = 0; i < h; i++) gW1[wj + i] += xv * dz[zs + i];
    }
    if (!bn) { for (let i = 0; i < h; i++) gb1[i] += dz[zs + i]; }
  }
  return { loss: loss / n, accuracy: correct / n, grads: { W1: gW1, b1: gb1, W2: gW2, b2: gb2 } };
}

/**
 * Gromov's two-layer network for modular arithmetic, in float64 with hand-written backpropagation
 * (Gromov 2023, *Grokking modular arithmetic*, arXiv:2301.02679). Introduced in notebook 10.
 *
 * Input: the pair $(a, b)$, $a, b \in \{0,…,p-1\}$, one-hot encoded as $x \in \{0,1\}^{2p}$. With the `x W`
 * convention of `lib/models/mlp.ts`, `W1` is `[2p, width]` (rows $0…p-1$ embed $a$, rows $p…2p-1$ embed $b$)
 * and `W2` is `[width, p]`:
 * $$h = xW_1 = W_1[a] + W_1[p+b],\qquad f(a,b) = \tfrac{1}{\text{width}}\,(h\odot h)\,W_2 \in \mathbb R^p .$$
 * The activation is quadratic, $\phi(z)=z^2$; the loss is the mean squared error to the one-hot label
 * $c = (a+b) \bmod p$, $L = \frac1{2n}\sum_i\|f(a_i,b_i) - e_{c_i}\|^2$ (the `mse` convention of
 * `lib/autodiff`). Init: $W_1\sim\mathcal N(0,\sigma^2)$, $W_2\sim\mathcal N(0, 1/\text{width})$.
 *
 * A pair is stored as the integer $ap + b$. Cost of a gradient on $n$ pairs: $3\,n\cdot\text{width}\cdot p$
 * multiply-adds (≈ 1.2M for $p = 23$, $n = 264$, width 64), written as dot products over contiguous memory.
 *
 * @module
 */
import { modularLabel, type ModularOperation } from "../data/modular.ts";
import { rng } from "../random.ts";

/** Parameters of the modular-arithmetic network. */
export interface ModularMlp {
  /** The modulus. */
  p: number;
  /** Hidden neurons. */
  width: number;
  /** `[2p, width]` row-major: row `a` is token `a`'s embedding in the first slot, row `p + b` in the second. */
  W1: Float64Array;
  /** `[width, p]` row-major. */
  W2: Float64Array;
}

/** Options of {@linkcode initModularMlp}. */
export interface ModularMlpOptions {
  /** Hidden neurons. Default 64. */
  width?: number;
  seed: number;
  /** Standard deviation σ of `W1`. Default 1. */
  inputScale?: number;
}

function checkModulus(p: number): void {
  if (!Number.isInteger(p) || p < 2) {
    throw new RangeError(`modular MLP: expected an integer modulus p ≥ 2, got ${p}`);
  }
}

/**
 * Seeded initial parameters.
 *
 * @example
 * ```ts
 * import { initModularMlp } from "./modular_mlp.ts";
 * const net = initModularMlp(5, { width: 8, seed: 0 });
 * if (net.W1.length !== 10 * 8 || net.W2.length !== 8 * 5) throw new Error("W1 [2p, width], W2 [width, p]");
 * ```
 */
export function initModularMlp(p: number, options: ModularMlpOptions): ModularMlp {
  checkModulus(p);
  const width = options.width ?? 64;
  if (!Number.isInteger(width) || width < 1) {
    throw new RangeError(`initModularMlp: expected a positive integer width, got ${width}`);
  }
  const r = rng(options.seed);
  return {
    p,
    width,
    W1: r.normals(2 * p * width, options.inputScale ?? 1),
    W2: r.normals(width * p, 1 / Math.sqrt(width)),
  };
}

function checkPairs(net: ModularMlp, pairs: Int32Array): void {
  const max = net.p * net.p;
  for (const q of pairs) {
    if (!(q >= 0 && q < max)) {
      throw new RangeError(`modular MLP: expected pairs a·p + b in 0..${max - 1}, got ${q}`);
    }
  }
}

/**
 * $\sum_{t<\text{len}} x[i+t]\,y[j+t]$ with four independent accumulators: a single running sum is bound by
 * the latency of floating-point addition; four chains run ≈ 3× faster.
 */
function dot(x: Float64Array, i: number, y: Float64Array, j: number, len: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, t = 0;
  for (; t + 3 < len; t += 4) {
    s0 += x[i + t] * y[j + t];
    s1 += x[i + t + 1] * y[j + t + 1];
    s2 += x[i + t + 2] * y[j + t + 2];
    s3 += x[i + t + 3] * y[j + t + 3];
  }
  for (; t < len; t++) s0 += x[i + t] * y[j + t];
  return (s0 + s1) + (s2 + s3);
}

/** Hidden pre-activations `h` `[n, width]`, squares `z` `[n, width]`, and outputs `[n, p]`. */
function forward(
  net: ModularMlp,
  pairs: Int32Array,
): { h: Float64Array; z: Float64Array; out: Float64Array } {
  const { p, width: N, W1, W2 } = net;
  const n = pairs.length, s = 1 / N;
  const W2T = new Float64Array(p * N);
  for (let k = 0; k < N; k++) for (let j = 0; j < p; j++) W2T[j * N + k] = W2[k * p + j];
  const h = new Float64Array(n * N), z = new Float64Array(n * N), out = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const a = (pairs[i] / p) | 0, b = pairs[i] - a * p;
    const ra = a * N, rb = (p + b) * N, ri = i * N;
    for (let k = 0; k < N; k++) {
      const v = W1[ra + k] + W1[rb + k];
      h[ri + k] = v;
      z[ri + k] = v * v;
    }
    for (let j = 0; j < p; j++) out[i * p + j] = dot(z, ri, W2T, j * N, N) * s;
  }
  return { h, z, out };
}

/**
 * Outputs $f(a_i, b_i)$ `[n, p]` (row-major) for `pairs` $a_ip + b_i$.
 *
 * @example
 * ```ts
 * import { initModularMlp, modularMlpForward } from "./modular_mlp.ts";
 * const net = initModularMlp(3, { width: 1, seed: 0 });
 * net.W1.fill(1);
 * net.W2.set([1, 2, 3]);
 * // h = 1 + 1 = 2, z = 4, f = 4·W2 / width
 * if (modularMlpForward(net, new Int32Array([4])).join() !== "4,8,12") throw new Error("f = z W2");
 * ```
 */
export function modularMlpForward(net: ModularMlp, pairs: Int32Array): Float64Array {
  checkPairs(net, pairs);
  return forward(net, pairs).out;
}

/** Loss, accuracy and gradients of {@linkcode modularMlpGradients} (gradients shaped like `W1`, `W2`). */
export interface ModularMlpGradients {
  loss: number;
  accuracy: number;
  W1: Float64Array;
  W2: Float64Array;
}

/**
 * MSE loss to the one-hot labels $(a+b) \bmod p$ (or $(a \circ b) \bmod p$ for `options.operation`), argmax
 * accuracy, and exact gradients on `pairs`.
 *
 * @example
 * ```ts
 * import { initModularMlp, modularMlpGradients } from "./modular_mlp.ts";
 * const net = initModularMlp(3, { width: 4, seed: 1 });
 * const { loss, W2 } = modularMlpGradients(net, new Int32Array([0, 4, 8]));
 * net.W2[0] += 1e-6;
 * const up = modularMlpGradients(net, new Int32Array([0, 4, 8])).loss;
 * if (Math.abs((up - loss) / 1e-6 - W2[0]) > 1e-5) throw new Error("gradient = finite difference");
 * ```
 */
export function modularMlpGradients(
  net: ModularMlp,
  pairs: Int32Array,
  options: { operation?: ModularOperation } = {},
): ModularMlpGradients {
  checkPairs(net, pairs);
  const { p, width: N, W2 } = net;
  const n = pairs.length, s = 1 / N;
  if (n === 0) throw new RangeError("modularMlpGradients: expected at least one pair, got none");
  const { h, z, out } = forward(net, pairs);
  // Residuals e = (f − onehot)/n, stored transposed eT [p, n]; zT [N, n] for contiguous dot products.
  const eT = new Float64Array(p * n), zT = new Float64Array(N * n);
  let loss = 0, correct = 0;
  for (let i = 0; i < n; i++) {
    const label = modularLabel(pairs[i], p, options.operation);
    let arg = 0;
    for (let j = 0; j < p; j++) {
      const v = out[i * p + j];
      if (v > out[i * p + arg]) arg = j;
      const e = v - (j === label ? 1 : 0);
      loss += e * e;
      eT[j * n + i] = e / n;
    }
    if (arg === label) correct++;
    for (let k = 0; k < N; k++) zT[k * n + i] = z[i * N + k];
  }
  const gW2 = new Float64Array(N * p);
  for (let k = 0; k < N; k++) {
    const rk = k * n;
    for (let j = 0; j < p; j++) gW2[k * p + j] = dot(zT, rk, eT, j * n, n) * s;
  }
  // dL/dh[i, k] = 2 h[i, k] · s Σ_j e[i, j] W2[k, j]; scatter into the two embedding rows.
  const gW1 = new Float64Array(2 * p * N);
  const ei = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) ei[j] = eT[j * n + i];
    const a = (pairs[i] / p) | 0, b = pairs[i] - a * p;
    const ra = a * N, rb = (p + b) * N, ri = i * N;
    for (let k = 0; k < N; k++) {
      const dh = 2 * s * h[ri + k] * dot(ei, 0, W2, k * p, p);
      gW1[ra + k] += dh;
      gW1[rb + k] += dh;
    }
  }
  return { loss: loss / (2 * n), accuracy: correct / n, W1: gW1, W2: gW2 };
}

/**
 * Argmax accuracy on `pairs`: the fraction with $\arg\max_j f_j(a,b) = (a+b) \bmod p$ (or $(a\circ b) \bmod p$).
 *
 * @example
 * ```ts
 * import { initModularMlp, modularAccuracy } from "./modular_mlp.ts";
 * const acc = modularAccuracy(initModularMlp(5, { seed: 0 }), new Int32Array([0, 6, 12]));
 * if (!(acc >= 0 && acc <= 1)) throw new Error("a fraction");
 * ```
 */
export function modularAccuracy(
  net: ModularMlp,
  pairs: Int32Array,
  options: { operation?: ModularOperation } = {},
): number {
  if (pairs.length === 0) throw new RangeError("modularAccuracy: expected at least one pair, got none");
  const out = modularMlpForward(net, pairs);
  const p = net.p;
  let correct = 0;
  for (let i = 0; i < pairs.length; i++) {
    const label = modularLabel(pairs[i], p, options.operation);
    let arg = 0;
    for (let j = 1; j < p; j++) if (out[i * p + j] > out[i * p + arg]) arg = j;
    if (arg === label) correct++;
  }
  return correct / pairs.length;
}

/**
 * A two-layer ReLU network in the mean-field parameterization, in float64 with hand-written gradients:
 * $$f(x) = \frac1m\sum_{j=1}^m a_j\,\mathrm{relu}(w_j\cdot x + b_j),$$
 * the setting of the staircase and leap-complexity results (Mei, Montanari & Nguyen 2018, arXiv:1804.06561;
 * Abbe, Boix-Adserà & Misiakiewicz 2022, arXiv:2202.08658). With the $1/m$ in front, SGD with step
 * $\eta m$ moves every neuron by $O(\eta)$ per step whatever the width: features move (the rich regime), unlike
 * the NTK scaling of notebook 05. Introduced in notebook 10.
 *
 * Shapes: `x` `[n, d]` row-major, `W` `[m, d]` (row $j$ is $w_j$), `b` `[m]`, `a` `[m]`. Init:
 * $w_j\sim\mathcal N(0, \sigma_w^2 I/d)$, $b_j\sim\mathcal N(0,\sigma_b^2)$, $a_j\sim\mathcal N(0,\sigma_a^2)$.
 *
 * @module
 */
import { rng } from "../random.ts";

/** Parameters of the two-layer mean-field network. */
export interface MeanFieldNet {
  d: number;
  width: number;
  /** `[width, d]`. */
  W: Float64Array;
  /** `[width]`. */
  b: Float64Array;
  /** `[width]`. */
  a: Float64Array;
}

/** Options of {@linkcode initMeanFieldNet}. */
export interface MeanFieldInit {
  /** Hidden neurons m. Default 32. */
  width?: number;
  seed: number;
  /** σ_w: rows of W have norm ≈ σ_w. Default 1. */
  inputScale?: number;
  /** σ_b. Default 0.5. */
  biasScale?: number;
  /** σ_a. Default 1/width. */
  outputScale?: number;
}

/**
 * Seeded initial parameters.
 *
 * @example
 * ```ts
 * import { initMeanFieldNet } from "./mean_field_net.ts";
 * const net = initMeanFieldNet(10, { width: 4, seed: 0 });
 * if (net.W.length !== 40 || net.a.length !== 4) throw new Error("W [m, d], a [m]");
 * ```
 */
export function initMeanFieldNet(d: number, options: MeanFieldInit): MeanFieldNet {
  const width = options.width ?? 32;
  if (!(Number.isInteger(d) && d >= 1 && Number.isInteger(width) && width >= 1)) {
    throw new RangeError(
      `initMeanFieldNet: expected positive integers d and width, got d = ${d}, width = ${width}`,
    );
  }
  const r = rng(options.seed);
  return {
    d,
    width,
    W: r.normals(width * d, (options.inputScale ?? 1) / Math.sqrt(d)),
    b: r.normals(width, options.biasScale ?? 0.5),
    a: r.normals(width, options.outputScale ?? 1 / width),
  };
}

function checkInput(net: MeanFieldNet, x: Float64Array): number {
  if (x.length % net.d !== 0) {
    throw new RangeError(`mean-field net: expected x of length n·d (d = ${net.d}), got ${x.length}`);
  }
  return x.length / net.d;
}

/**
 * Outputs $f(x_i)$ `[n]` for `x` `[n, d]`.
 *
 * @example
 * ```ts
 * import { initMeanFieldNet, meanFieldForward } from "./mean_field_net.ts";
 * const net = initMeanFieldNet(2, { width: 1, seed: 0 });
 * net.W.set([1, -1]); net.b[0] = 0.5; net.a[0] = 2;
 * // relu(1 − (−1) + 0.5) · 2 / 1 = 5
 * if (meanFieldForward(net, new Float64Array([1, -1]))[0] !== 5) throw new Error("f = 5");
 * ```
 */
export function meanFieldForward(net: MeanFieldNet, x: Float64Array): Float64Array {
  const n = checkInput(net, x);
  const { d, width: m, W, b, a } = net;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const xi = i * d;
    let f = 0;
    for (let j = 0; j < m; j++) {
      const wj = j * d;
      let z = b[j];
      for (let k = 0; k < d; k++) z += W[wj + k] * x[xi + k];
      if (z > 0) f += a[j] * z;
    }
    out[i] = f / m;
  }
  return out;
}

/** Loss and gradients (shaped like the parameters) from {@linkcode meanFieldGradients}. */
export interface MeanFieldGradients {
  /** $\frac1{2n}\sum_i (f(x_i) - y_i)^2$. */
  loss: number;
  W: Float64Array;
  b: Float64Array;
  a: Float64Array;
}

/**
 * Square loss $\frac1{2n}\sum_i(f(x_i)-y_i)^2$ on `x` `[n, d]`, `y` `[n]` and its exact gradients.
 *
 * @example
 * ```ts
 * import { initMeanFieldNet, meanFieldGradients } from "./mean_field_net.ts";
 * const net = initMeanFieldNet(3, { width: 5, seed: 2 });
 * const x = new Float64Array([1, -1, 1, -1, -1, 1]), y = new Float64Array([1, -1]);
 * const g = meanFieldGradients(net, x, y);
 * net.a[1] += 1e-6;
 * const fd = (meanFieldGradients(net, x, y).loss - g.loss) / 1e-6;
 * if (Math.abs(fd - g.a[1]) > 1e-6) throw new Error("gradient = finite difference");
 * ```
 */
export function meanFieldGradients(
  net: MeanFieldNet,
  x: Float64Array,
  y: ArrayLike<number>,
): MeanFieldGradients {
  const n = checkInput(net, x);
  if (y.length !== n) throw new RangeError(`meanFieldGradients: expected ${n} targets, got ${y.length}`);
  const { d, width: m, W, b, a } = net;
  const gW = new Float64Array(m * d), gb = new Float64Array(m), ga = new Float64Array(m);
  const z = new Float64Array(m);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const xi = i * d;
    let f = 0;
    for (let j = 0; j < m; j++) {
      const wj = j * d;
      let s = b[j];
      for (let k = 0; k < d; k++) s += W[wj + k] * x[xi + k];
      z[j] = s;
      if (s > 0) f += a[j] * s;
    }
    const e = f / m - y[i];
    loss += e * e;
    const scale = e / (n * m);
    for (let j = 0; j < m; j++) {
      if (!(z[j] > 0)) continue;
      ga[j] += scale * z[j];
      const dz = scale * a[j];
      gb[j] += dz;
      const wj = j * d;
      for (let k = 0; k < d; k++) gW[wj + k] += dz * x[xi + k];
    }
  }
  return { loss: loss / (2 * n), W: gW, b: gb, a: ga };
}

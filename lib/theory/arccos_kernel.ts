/**
 * The infinite-width kernels of a ReLU MLP: the NNGP kernel $\Sigma$ (covariance of the outputs at
 * initialization) and the neural tangent kernel $\Theta$, in closed form through the arc-cosine kernels of
 * Cho & Saul 2009 (NeurIPS, "Kernel methods for deep learning").
 *
 * For the network of `initMlp` with NTK parameterization (Jacot, Gabriel & Hongler 2018, arXiv:1806.07572,
 * Thm. 1; Lee et al. 2019, arXiv:1902.06720), $z^{1} = \tfrac{\sigma}{\sqrt d}\,xW^{1} + b^{1}$,
 * $z^{\ell+1} = \tfrac{\sigma}{\sqrt{n_\ell}}\,\phi(z^{\ell})W^{\ell+1} + b^{\ell+1}$, all $W \sim \mathcal N(0,1)$,
 * biases initialized to zero (trainable if `bias`), output $f = z^{L}$:
 * $$\Sigma^{1} = \sigma^2\tfrac{x\cdot x'}{d},\quad \Theta^{1} = \Sigma^{1} + \beta,\qquad
 *   \Sigma^{\ell+1} = \sigma^2\,\mathbb E[\phi(u)\phi(v)],\quad \dot\Sigma^{\ell+1} = \sigma^2\,\mathbb E[\phi'(u)\phi'(v)],\quad
 *   \Theta^{\ell+1} = \Sigma^{\ell+1} + \beta + \dot\Sigma^{\ell+1}\,\Theta^{\ell},$$
 * with $(u, v)$ centred Gaussian of covariance $\Sigma^{\ell}$ on $\{x, x'\}$ and $\beta = 1$ if biases are
 * trained, else 0 (zero-initialized biases add nothing to $\Sigma$, but their gradients add $\beta$ to
 * $\Theta$). For ReLU, with $\cos\theta = \Sigma^\ell(x,x')/\sqrt{\Sigma^\ell(x,x)\Sigma^\ell(x',x')}$:
 * $$\mathbb E[\phi(u)\phi(v)] = \frac{\sqrt{\Sigma^\ell(x,x)\Sigma^\ell(x',x')}}{2\pi}\big(\sin\theta + (\pi-\theta)\cos\theta\big),\qquad
 *   \mathbb E[\phi'(u)\phi'(v)] = \frac{\pi-\theta}{2\pi}.$$
 * As the widths grow, the empirical NTK at initialization converges to $\Theta^{L}$ (fluctuations
 * $O(n^{-1/2})$) and stays there during training. Introduced in notebook 05.
 *
 * @module
 */
import { checkMatrix } from "../linalg/_check.ts";
import type { Matrix, MatrixLike } from "../linalg/matrix.ts";

/** Options of {@linkcode reluNtk}. */
export interface ReluNtkOptions {
  /** Number of weight layers $L$ (a one-hidden-layer net has depth 2). Default 2. */
  depth?: number;
  /** $\sigma$ of the NTK parameterization (`MlpSpec.weightScale`). Default √2, as `initMlp` for ReLU. */
  weightScale?: number;
  /** Biases initialized to zero and trained (`MlpSpec.bias`). Default true, as `initMlp`. */
  bias?: boolean;
}

/** The two infinite-width kernels between two sets of inputs, each `[n1, n2]`. */
export interface InfiniteWidthKernels {
  /** Neural tangent kernel $\Theta^{L}$. */
  ntk: Matrix;
  /** NNGP kernel $\Sigma^{L}$: the covariance of the network's output at initialization. */
  nngp: Matrix;
}

/**
 * The infinite-width NTK and NNGP kernel of a ReLU MLP in NTK parameterization (equations above), between
 * inputs `x1` `[n1, d]` and `x2` `[n2, d]` (rows are samples). Cost $O(n_1 n_2 (d + L))$.
 *
 * @throws {RangeError} when the input dimensions differ or an option is invalid
 *
 * @example
 * ```ts
 * import { reluNtk } from "./arccos_kernel.ts";
 * // One hidden layer, no biases, σ² = 2, on a unit-overlap input (x·x/d = 1):
 * // Σ¹ = 2, Σ² = 2 (ReLU with σ² = 2 preserves the norm), Σ̇² = 1, so Θ = Σ² + Σ̇²Σ¹ = 4.
 * const { ntk, nngp } = reluNtk([[1, -1]], [[1, -1]], { bias: false });
 * if (Math.abs(ntk[0][0] - 4) > 1e-12 || Math.abs(nngp[0][0] - 2) > 1e-12) throw new Error("Θ = 4, Σ = 2");
 * ```
 */
export function reluNtk(x1: MatrixLike, x2: MatrixLike, options: ReluNtkOptions = {}): InfiniteWidthKernels {
  const [n1, d] = checkMatrix("reluNtk(x1, x2)", "x1", x1);
  const [n2, d2] = checkMatrix("reluNtk(x1, x2)", "x2", x2);
  if (d !== d2) {
    throw new RangeError(`reluNtk: expected x1 and x2 with the same input dimension, got ${d} and ${d2}`);
  }
  const { depth = 2, weightScale = Math.SQRT2, bias = true } = options;
  if (!Number.isInteger(depth) || depth < 1) {
    throw new RangeError(`reluNtk: expected an integer depth ≥ 1, got ${depth}`);
  }
  if (!(weightScale > 0)) throw new RangeError(`reluNtk: expected weightScale > 0, got ${weightScale}`);
  const s2 = weightScale * weightScale, beta = bias ? 1 : 0;
  const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
    let s = 0;
    for (let k = 0; k < d; k++) s += a[k] * b[k];
    return s;
  };
  // Per-layer diagonal variances Σˡ(x, x) of each input, layer by layer.
  const diag = (X: MatrixLike): number[][] => {
    const out: number[][] = [X.map((x) => (s2 * dot(x, x)) / d)];
    for (let l = 1; l < depth; l++) out.push(out[l - 1].map((q) => s2 * q / 2));
    return out;
  };
  const q1 = diag(x1), q2 = diag(x2);
  const ntk: Matrix = [], nngp: Matrix = [];
  for (let i = 0; i < n1; i++) {
    const rowT = new Array<number>(n2), rowS = new Array<number>(n2);
    for (let j = 0; j < n2; j++) {
      let sigma = (s2 * dot(x1[i], x2[j])) / d;
      let theta = sigma + beta;
      for (let l = 1; l < depth; l++) {
        const norm = Math.sqrt(q1[l - 1][i] * q2[l - 1][j]);
        const cos = norm > 0 ? Math.max(-1, Math.min(1, sigma / norm)) : 0;
        const angle = Math.acos(cos);
        const sigmaDot = (s2 * (Math.PI - angle)) / (2 * Math.PI);
        sigma = (s2 * norm * (Math.sin(angle) + (Math.PI - angle) * cos)) / (2 * Math.PI);
        theta = sigma + beta + sigmaDot * theta;
      }
      rowT[j] = theta;
      rowS[j] = sigma;
    }
    ntk.push(rowT);
    nngp.push(rowS);
  }
  return { ntk, nngp };
}

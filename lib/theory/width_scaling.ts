/**
 * How the first SGD step of a two-layer network scales with its width $N$, for a parameterization
 * (SP, NTK, µP): the one-step bookkeeping behind µP (Yang & Hu 2021, arXiv:2011.14522, §3 and §5; Yang et
 * al. 2022, arXiv:2203.03466, §2 and Table 3; Yang, Simon & Bernstein 2023, arXiv:2310.17813, §2).
 *
 * Network: $z = x W_1^{\rm eff}$, $h = \phi(z)$ (`[n, N]`), $f = h W_2^{\rm eff}$, where
 * $W_\ell^{\rm eff} = m_\ell W_\ell$ (forward multiplier $m_\ell$, init std $\sigma_\ell$, learning rate
 * $\eta\rho_\ell$). In effective weights an SGD step moves $W_\ell^{\rm eff}$ with learning rate
 * $r_\ell = m_\ell^2\rho_\ell$ and the entries start with size $s_\ell = m_\ell\sigma_\ell$. The input
 * dimension $d$ and the number of outputs stay fixed; with $\chi = \partial L/\partial f = \Theta(1)$:
 *
 * | quantity | size | exponent of $N$ |
 * |---|---|---|
 * | output at init $f_0$ | $\sqrt N\, s_2$ | $\tfrac12 + e(s_2)$ |
 * | output change from the readout step, $r_2\lVert h\rVert^2\chi$ | $N r_2$ | $1 + e(r_2)$ |
 * | feature change $\Delta z_i = -r_1 (x\cdot x')\chi W^{\rm eff}_{2,i}\phi'$ | $r_1 s_2$ | $e(r_1) + e(s_2)$ |
 * | output change from the feature step, $\sum_i W^{\rm eff}_{2,i}\phi'\Delta z_i$ | $N s_2^2 r_1$ | $1 + 2e(s_2) + e(r_1)$ |
 *
 * ($e(q)$ is the exponent of $q \propto N^{e(q)}$.) The output must change by $\Theta(1)$ per step, no
 * more: the largest stable global learning rate scales as $N^{-\max(\text{output changes})}$. Then SP gives
 * $\eta^\ast \propto 1/N$ (its readout step grows like $N$), while NTK and µP keep $\eta^\ast$ fixed; at
 * fixed $\eta$ the features move like $N^{-1/2}$ under NTK (lazy) and like $N^0$ under µP (feature learning).
 * The exponents are read off {@linkcode layerScales} at two widths, so they describe exactly the
 * parameterizations the course trains. Introduced in notebook 06.
 *
 * @module
 */
import { layerScales, type ParameterizationName } from "../models/parameterization.ts";

/** Exponents $e$ in $q \propto N^{e}$ for the first SGD step of a two-layer network (table above). */
export interface TwoLayerExponents {
  /** Effective init size of the input weights, $s_1$ (0: features $\Theta(1)$ at init). */
  inputWeights: number;
  /** Effective init size of the readout weights, $s_2$. */
  readoutWeights: number;
  /** Effective learning rates $r_1$, $r_2$ of the two layers at a fixed global η. */
  inputLearningRate: number;
  readoutLearningRate: number;
  /** Network output at initialization. */
  outputAtInit: number;
  /** Output change from one readout step, at fixed global η. */
  readoutUpdate: number;
  /** Output change from one feature (input-layer) step, at fixed global η. */
  featureDrivenUpdate: number;
  /** Relative feature movement ‖Δz‖/‖z‖ after one step, at fixed global η. */
  featureMovement: number;
  /** The largest stable global learning rate: $\eta^\ast \propto N^{\text{this}}$. */
  stableLearningRate: number;
  /** Relative feature movement when η follows $\eta^\ast$ (i.e. `featureMovement + stableLearningRate`). */
  featureMovementAtStableRate: number;
}

/** Options of {@linkcode twoLayerWidthExponents}. */
export interface WidthExponentOptions {
  /** Input dimension $d$ (fixed). Default 16. */
  d?: number;
  /** Outputs (fixed). Default 10. */
  out?: number;
  /** µP base width $N_0$ (does not change exponents). Default 1. */
  baseWidth?: number;
}

/**
 * Width exponents of the first SGD step of a `[d, N, out]` ReLU network under a parameterization.
 *
 * @example
 * ```ts
 * import { twoLayerWidthExponents } from "./width_scaling.ts";
 * const sp = twoLayerWidthExponents("standard");
 * const mup = twoLayerWidthExponents("mup");
 * // SP: the readout step grows like N, so η* ∝ 1/N; µP: η* is width-independent and features move Θ(1).
 * if (Math.abs(sp.stableLearningRate + 1) > 1e-9 || Math.abs(mup.stableLearningRate) > 1e-9) throw new Error("η*");
 * if (Math.abs(mup.featureMovement) > 1e-9) throw new Error("µP features move Θ(1)");
 * ```
 */
export function twoLayerWidthExponents(
  kind: ParameterizationName,
  options: WidthExponentOptions = {},
): TwoLayerExponents {
  const d = options.d ?? 16, out = options.out ?? 10;
  const [n1, n2] = [1 << 8, 1 << 16];
  const at = (width: number) =>
    layerScales({ sizes: [d, width, out], parameterization: kind, baseWidth: options.baseWidth }).map((
      s,
    ) => ({
      size: s.multiplier * s.initStd,
      rate: s.multiplier * s.multiplier * s.learningRate,
    }));
  const a = at(n1), b = at(n2);
  const e = (q1: number, q2: number): number => Math.log(q2 / q1) / Math.log(n2 / n1);
  const s1 = e(a[0].size, b[0].size), s2 = e(a[1].size, b[1].size);
  const r1 = e(a[0].rate, b[0].rate), r2 = e(a[1].rate, b[1].rate);
  const readoutUpdate = 1 + r2;
  const featureDrivenUpdate = 1 + 2 * s2 + r1;
  const featureMovement = r1 + s2;
  const stableLearningRate = -Math.max(readoutUpdate, featureDrivenUpdate);
  const clean = (x: number): number => Math.round(x * 1e9) / 1e9 + 0; // exact halves; no −0
  return {
    inputWeights: clean(s1),
    readoutWeights: clean(s2),
    inputLearningRate: clean(r1),
    readoutLearningRate: clean(r2),
    outputAtInit: clean(0.5 + s2),
    readoutUpdate: clean(readoutUpdate),
    featureDrivenUpdate: clean(featureDrivenUpdate),
    featureMovement: clean(featureMovement),
    stableLearningRate: clean(stableLearningRate),
    featureMovementAtStableRate: clean(featureMovement + stableLearningRate),
  };
}

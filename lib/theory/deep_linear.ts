/**
 * Learning dynamics of a two-layer linear network, solved exactly (Saxe, McClelland & Ganguli 2014,
 * arXiv:1312.6120; saddle-to-saddle: Jacot et al. 2021, arXiv:2106.15933).
 *
 * With whitened inputs ($\Sigma_{xx} = I$) and $\Sigma_{yx} = USV^\top$, start $W_1 = R\,\mathrm{diag}(a)V^\top$,
 * $W_2 = U\mathrm{diag}(a)R^\top$ (aligned, balanced, $R$ orthogonal). Gradient flow $\dot W_1 = -\partial L/\partial W_1$
 * keeps that form, and each mode's strength $u_\alpha = a_\alpha^2 = u_\alpha^\top W_2W_1 v_\alpha$ obeys
 * $$\dot u = 2u(s-u)\quad\Longrightarrow\quad u(t) = \frac{s\,e^{2st}}{e^{2st}-1+s/u_0},\qquad
 *   t_{1/2} = \frac{1}{2s}\ln\frac{s-u_0}{u_0}.$$
 * Time is gradient-flow time: $k$ GD steps of size $\eta$ are $t = k\eta$ (Saxe's $\tau = 1/\eta$).
 * Introduced in notebook 02.
 *
 * @module
 */

function checkStrength(where: string, s: number, u0: number): void {
  if (!(s > 0) || !(u0 > 0) || !(u0 < s)) {
    throw new RangeError(
      `${where}: expected a singular value s > 0 and a starting strength 0 < u0 < s, got s = ${s}, u0 = ${u0}`,
    );
  }
}

/**
 * Mode strength $u(t) = s e^{2st}/(e^{2st} - 1 + s/u_0)$ at gradient-flow time `t`.
 *
 * @example
 * ```ts
 * import { saxeHalfTime, saxeModeStrength } from "./deep_linear.ts";
 * const t = saxeHalfTime(2, 1e-3);
 * if (Math.abs(saxeModeStrength(2, 1e-3, { t }) - 1) > 1e-12) throw new Error("u(t½) = s/2");
 * ```
 */
export function saxeModeStrength(s: number, u0: number, options: { t: number }): number {
  checkStrength("saxeModeStrength", s, u0);
  // Written with e^{−2st} so that large t does not overflow.
  const decay = Math.exp(-2 * s * options.t);
  return s / (1 - decay + (s / u0) * decay);
}

/**
 * Half-learning time $t_{1/2} = \frac{\tau}{2s}\ln\frac{s-u_0}{u_0}$: when $u$ reaches $s/2$. With the
 * default $\tau = 1$ it is gradient-flow time; pass `tau: 1 / eta` to get GD steps.
 */
export function saxeHalfTime(s: number, u0: number, options: { tau?: number } = {}): number {
  checkStrength("saxeHalfTime", s, u0);
  if (!(u0 < s / 2)) {
    throw new RangeError(`saxeHalfTime: the mode starts above half-learned (u0 = ${u0} ≥ s/2 = ${s / 2})`);
  }
  return ((options.tau ?? 1) / (2 * s)) * Math.log((s - u0) / u0);
}

/**
 * Loss levels of the saddles visited from a tiny initialization, $L_k = \tfrac12\sum_{\alpha>k} s_\alpha^2$
 * for $k = 0..r$ (after learning the top $k$ modes the map is the best rank-$k$ approximation of $USV^\top$;
 * Eckart–Young), for a whitened noise-free problem ($L = \tfrac12\|W - USV^\top\|_F^2$). `s` in any order;
 * levels returned for modes sorted descending.
 *
 * @example
 * ```ts
 * import { saddleLossLevels } from "./deep_linear.ts";
 * if (saddleLossLevels([1, 2]).join() !== "2.5,0.5,0") throw new Error("½(4+1), ½·1, 0");
 * ```
 */
export function saddleLossLevels(s: ArrayLike<number>): number[] {
  const sorted = Array.from(s).sort((a, b) => b - a);
  return sorted.map((_, k) => 0.5 * sorted.slice(k).reduce((acc, v) => acc + v * v, 0)).concat([0]);
}

/**
 * Typical effective starting strength of a mode from a small random init, $\bar u_0 = h(\sigma_1^2+\sigma_2^2)/4$.
 *
 * Near zero the dynamics are linear: with $p = W_1v_\alpha$, $q = W_2^\top u_\alpha$ (both in $\mathbb R^h$),
 * $\dot p = s q$, $\dot q = s p$, so $p+q$ grows as $e^{st}$, $p-q$ dies out, and
 * $u_\alpha = q^\top p \approx \tfrac14\|p_0+q_0\|^2 e^{2st}$ — the Saxe solution with $u_0 = \tfrac14\|p_0+q_0\|^2$,
 * whose mean over entries $\mathcal N(0,\sigma_1^2)$ of $W_1$ and $\mathcal N(0,\sigma_2^2)$ of $W_2$ is this.
 */
export function expectedInitialStrength(options: { sigma1: number; sigma2: number; hidden: number }): number {
  const { sigma1, sigma2, hidden } = options;
  return (hidden * (sigma1 * sigma1 + sigma2 * sigma2)) / 4;
}

/**
 * The exact change of the balancedness $D = W_1W_1^\top - W_2^\top W_2$ `[h, h]` in one GD step,
 * $\Delta D = \eta^2(G_1G_1^\top - G_2^\top G_2)$ (the first-order terms cancel because $G_1W_1^\top = W_2^\top G_2$;
 * under gradient flow $D$ is conserved). Du, Hu & Lee 2018, arXiv:1806.00900. `G1` `[h, dIn]`,
 * `G2` `[dOut, h]`.
 *
 * @example
 * ```ts
 * import { balancednessIncrement } from "./deep_linear.ts";
 * const dD = balancednessIncrement([[1, 1]], [[2]], { eta: 0.1 }); // 0.01·(2 − 4)
 * if (Math.abs(dD[0][0] + 0.02) > 1e-15) throw new Error("−0.02");
 * ```
 */
export function balancednessIncrement(
  G1: ArrayLike<number>[],
  G2: ArrayLike<number>[],
  options: { eta: number },
): number[][] {
  const h = G1.length;
  if (G2.some((r) => r.length !== h)) {
    throw new RangeError(
      `balancednessIncrement: expected G2 of shape [dOut, ${h}] to match G1 [${h}, dIn], got rows of ${
        G2[0]?.length
      }`,
    );
  }
  const e2 = options.eta * options.eta;
  const out = Array.from({ length: h }, () => new Array<number>(h).fill(0));
  for (let a = 0; a < h; a++) {
    for (let b = 0; b < h; b++) {
      let s = 0;
      for (let i = 0; i < G1[a].length; i++) s += G1[a][i] * G1[b][i];
      for (let o = 0; o < G2.length; o++) s -= G2[o][a] * G2[o][b];
      out[a][b] = e2 * s;
    }
  }
  return out;
}

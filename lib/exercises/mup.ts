/**
 * Checks for the exercises of notebook 06 (µP and hyperparameter transfer).
 *
 * @module
 */
import { CheckFailure, expectClose, expectTrue } from "../exercise.ts";
import { twoLayerWidthExponents } from "../theory/width_scaling.ts";
import { fitPowerLaw } from "../fit/power_law.ts";
import { layerScales } from "../models/parameterization.ts";
import { rng } from "../random.ts";

/** One layer of a µP configuration: init std of the weights and learning rate relative to the global η. */
export interface MuPLayer {
  initStd: number;
  learningRate: number;
}

/** A student's µP configuration for the `[16, width, 10]` ReLU network of notebook 06. */
export type MuPConfigFn = (width: number, baseWidth?: number) => MuPLayer[];

/**
 * Check `muPConfig(width, baseWidth)` against the library's µP (`layerScales`, Yang et al. 2022 Table 3 with
 * width multipliers relative to `baseWidth`) at several widths and base widths, and the exact property that
 * µP equals SP (`σ/√fan-in`, learning rate 1) at the base width.
 */
export function checkMuPConfig(fn: MuPConfigFn): string {
  let verdict: "exact" | "close" = "exact";
  const note = (r: "exact" | "close") => (r === "close" ? (verdict = "close") : verdict);
  for (const [width, base] of [[64, 1], [1024, 1], [300, 1], [1024, 64], [64, 256]] as const) {
    const got = base === 1 ? fn(width) : fn(width, base);
    expectTrue(
      Array.isArray(got) && got.length === 2,
      `muPConfig(${width}${base === 1 ? "" : `, ${base}`}): expected two layers [input, readout], got ${
        JSON.stringify(got)
      }`,
    );
    const ref = layerScales({ sizes: [16, width, 10], parameterization: "mup", baseWidth: base });
    ["input", "readout"].forEach((name, l) => {
      const what = (q: string) => `${name} layer ${q} at width ${width}, base width ${base}`;
      note(expectClose(got[l].initStd, ref[l].initStd, { what: what("init std"), rel: 1e-9 }));
      note(expectClose(got[l].learningRate, ref[l].learningRate, { what: what("learning rate"), rel: 1e-9 }));
    });
  }
  const atBase = fn(128, 128);
  const sp = layerScales({ sizes: [16, 128, 10] });
  atBase.forEach((layer, l) => {
    expectTrue(
      Math.abs(layer.initStd - sp[l].initStd) <= 1e-12 * sp[l].initStd &&
        Math.abs(layer.learningRate - 1) <= 1e-12,
      `at the base width µP must equal SP (init std ${sp[l].initStd}, learning rate 1); layer ${l + 1} got ` +
        JSON.stringify(layer),
    );
  });
  return verdict;
}

/** A student's log–log slope: the least-squares exponent $a$ in $y \approx c\,N^a$. */
export type LogLogSlopeFn = (widths: number[], values: number[]) => number;

/**
 * Check `logLogSlope(widths, values)`: it recovers planted exponents exactly, ignores the prefactor, and
 * agrees with the library's `fitPowerLaw` on noisy data.
 */
export function checkLogLogSlope(fn: LogLogSlopeFn): string {
  let verdict: "exact" | "close" = "exact";
  const widths = [64, 128, 256, 512, 1024];
  for (const [a, c] of [[-0.5, 3], [0, 0.2], [1, 1e-3]]) {
    const r = expectClose(fn(widths.slice(), widths.map((n) => c * n ** a)), a, {
      what: `slope of ${c}·N^${a}`,
      rel: 1e-9,
      abs: 1e-9,
    });
    if (r === "close") verdict = "close";
  }
  const r = rng(11);
  const noisy = widths.map((n) => 2 * n ** -0.3 * Math.exp(0.2 * r.normal()));
  const expected = fitPowerLaw(widths, noisy).exponent;
  if (
    expectClose(fn(widths.slice(), noisy.slice()), expected, { what: "slope of noisy data", rel: 1e-6 }) ===
      "close"
  ) {
    verdict = "close";
  }
  return verdict;
}

/** A two-layer parameterization by width exponents: readout init $|W_2|\propto N^{e_2}$, learning rates $\eta N^{r_1}$, $\eta N^{r_2}$. */
export interface WidthExponents {
  readoutInit: number;
  inputLr: number;
  readoutLr: number;
}

/**
 * Check `bestLrExponent(p)`: the exponent $e$ of the largest stable global learning rate $\eta^\ast\propto N^{e}$
 * of a `[d, N, 10]` network. One SGD step moves the output through the readout by $\propto\eta N^{1+r_2}$ and
 * through the features by $\propto\eta N^{1+r_1+2e_2}$ (notebook 06, section 1); both must stay $O(1)$, so
 * $e = -\max(1+r_2,\ 1+r_1+2e_2)$. Compared with `twoLayerWidthExponents` for SP and µP, and on mixed cases
 * the notebook does not treat; tells apart a count that forgets the feature step, or takes the min.
 */
export function checkBestLrExponent(fn: (p: WidthExponents) => number): "exact" | "close" {
  const law = (p: WidthExponents) => -Math.max(1 + p.readoutLr, 1 + p.inputLr + 2 * p.readoutInit);
  const cases: [string, WidthExponents][] = [
    ["standard", { readoutInit: -0.5, inputLr: 0, readoutLr: 0 }],
    ["mup", { readoutInit: -1, inputLr: 1, readoutLr: -1 }],
    ["µP init, SP learning rates", { readoutInit: -1, inputLr: 0, readoutLr: 0 }],
    ["SP init, µP learning rates", { readoutInit: -0.5, inputLr: 1, readoutLr: -1 }],
    ["µP, input learning rate ∝ N²", { readoutInit: -1, inputLr: 2, readoutLr: -1 }],
  ];
  let verdict: "exact" | "close" = "exact";
  for (const [label, p] of cases) {
    const expected = label === "standard" || label === "mup"
      ? twoLayerWidthExponents(label as "standard" | "mup", { d: 16 }).stableLearningRate
      : law(p);
    const got = fn({ ...p });
    const what = `η* exponent for ${label} (e₂ = ${p.readoutInit}, r₁ = ${p.inputLr}, r₂ = ${p.readoutLr})`;
    if (typeof got === "number" && got !== expected && got === -(1 + p.readoutLr)) {
      throw new CheckFailure(`${what}: ${got} counts the readout step only; the feature step moves f too`);
    }
    if (
      typeof got === "number" && got !== expected &&
      got === -Math.min(1 + p.readoutLr, 1 + p.inputLr + 2 * p.readoutInit)
    ) {
      throw new CheckFailure(`${what}: ${got} keeps the smaller step stable; the larger one diverges first`);
    }
    if (expectClose(got, expected, { what, rel: 1e-12 }) === "close") verdict = "close";
  }
  return verdict;
}

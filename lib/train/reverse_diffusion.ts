/**
 * Reverse diffusion (deterministic DDIM sampling; Song, Meng & Ermon 2021, arXiv:2010.02502) driven by
 * any denoiser $D(x, \bar\alpha) \approx \mathbb E[x_0\mid x_t = x]$, in float64.
 *
 * Starting from pure noise, each step estimates the clean image $\hat x_0 = D(x_t)$ and the noise
 * $\hat\varepsilon = (x_t-\sqrt{\bar\alpha_t}\,\hat x_0)/\sqrt{1-\bar\alpha_t}$, then re-noises to the next, lower
 * noise level: $x_{t'} = \sqrt{\bar\alpha_{t'}}\,\hat x_0 + \sqrt{1-\bar\alpha_{t'}}\,\hat\varepsilon$. The sample is
 * the last $\hat x_0$. Noise levels are spaced evenly in $\log\nu$, with $\nu = (1-\bar\alpha)/\bar\alpha$ the
 * noise-to-signal variance ratio. Introduced in notebook 12 (ideal and local score machines).
 *
 * @module
 */
import { rng } from "../random.ts";

/** A denoiser: noisy batch `[s, d]` (flat) at signal level ᾱ → estimated clean batch `[s, d]`. */
export type Denoiser = (x: Float64Array, alphaBar: number) => Float64Array;

/** Options of {@linkcode noiseSchedule}. */
export interface NoiseScheduleOptions {
  /** Largest noise-to-signal ratio $\nu = (1-\bar\alpha)/\bar\alpha$ (the start). Default 100. */
  nuMax?: number;
  /** Smallest $\nu$ (the last denoising step). Default 1e-3. */
  nuMin?: number;
}

/**
 * `steps` signal levels $\bar\alpha = 1/(1+\nu)$ with $\nu$ log-spaced from `nuMax` down to `nuMin`.
 *
 * @example
 * ```ts
 * import { noiseSchedule } from "./reverse_diffusion.ts";
 * const ab = noiseSchedule(3, { nuMax: 100, nuMin: 0.01 }); // ν = 100, 1, 0.01
 * if (Math.abs(ab[1] - 0.5) > 1e-15) throw new Error("ν = 1 ⇔ ᾱ = 1/2");
 * ```
 */
export function noiseSchedule(steps: number, options: NoiseScheduleOptions = {}): Float64Array {
  const { nuMax = 100, nuMin = 1e-3 } = options;
  if (!(Number.isInteger(steps) && steps >= 2)) {
    throw new RangeError(`noiseSchedule: expected steps ≥ 2, got ${steps}`);
  }
  if (!(nuMax > nuMin && nuMin > 0)) {
    throw new RangeError(`noiseSchedule: expected nuMax > nuMin > 0, got nuMax = ${nuMax}, nuMin = ${nuMin}`);
  }
  return Float64Array.from(
    { length: steps },
    (_, t) => 1 / (1 + nuMax * (nuMin / nuMax) ** (t / (steps - 1))),
  );
}

/**
 * One deterministic DDIM step from signal level `alphaBar` to `alphaBarNext`, given the current `x` and the
 * denoiser's estimate `x0Hat` (both `[s, d]` flat).
 *
 * @example
 * ```ts
 * import { ddimStep } from "./reverse_diffusion.ts";
 * // A perfect estimate with zero noise stays on the path √ᾱ x0.
 * const next = ddimStep([0.5], [1], 0.25, 0.64);
 * if (Math.abs(next[0] - 0.8) > 1e-15) throw new Error("√0.64 · 1");
 * ```
 */
export function ddimStep(
  x: ArrayLike<number>,
  x0Hat: ArrayLike<number>,
  alphaBar: number,
  alphaBarNext: number,
): Float64Array {
  if (x.length !== x0Hat.length) {
    throw new RangeError(
      `ddimStep: expected x and x0Hat of equal length, got ${x.length} and ${x0Hat.length}`,
    );
  }
  const a = Math.sqrt(alphaBar), sigma = Math.sqrt(1 - alphaBar);
  const aNext = Math.sqrt(alphaBarNext), sigmaNext = Math.sqrt(1 - alphaBarNext);
  return Float64Array.from(x, (v, k) => aNext * x0Hat[k] + (sigmaNext * (v - a * x0Hat[k])) / sigma);
}

/** Options of {@linkcode reverseDiffusion}. */
export interface ReverseDiffusionOptions extends NoiseScheduleOptions {
  /** Number of images to draw. */
  samples: number;
  /** Pixels per image. */
  d: number;
  /** Denoiser calls (noise levels). Default 16. */
  steps?: number;
  /** Seed of the starting noise. */
  seed: number;
  /**
   * Called (and awaited) after each step with its index, the estimate $\hat x_0$ and the noisy $x_t$ it came
   * from: e.g. to record the trajectory or update a progress line.
   */
  onStep?: (step: number, x0Hat: Float64Array, x: Float64Array) => void | Promise<void>;
}

/** What {@linkcode reverseDiffusion} returns. */
export interface ReverseDiffusionRun {
  /** The final estimates $\hat x_0$ `[samples, d]`. */
  samples: Float64Array;
  /** The signal levels used, from noisiest to cleanest `[steps]`. */
  alphaBars: Float64Array;
}

/**
 * Draw `samples` images by deterministic reverse diffusion from seeded Gaussian noise at $\nu_{\max}$.
 *
 * @example
 * ```ts
 * import { reverseDiffusion } from "./reverse_diffusion.ts";
 * // The denoiser of a one-point data set always answers that point, so every sample is that point.
 * const run = await reverseDiffusion(() => Float64Array.from([2, 2, 2, 2]), { samples: 2, d: 2, seed: 0, steps: 4 });
 * if (run.samples.some((v) => v !== 2)) throw new Error("samples = 2");
 * ```
 */
export async function reverseDiffusion(
  denoiser: Denoiser,
  options: ReverseDiffusionOptions,
): Promise<ReverseDiffusionRun> {
  const { samples, d, steps = 16, seed } = options;
  if (!(Number.isInteger(samples) && samples >= 1 && Number.isInteger(d) && d >= 1)) {
    throw new RangeError(
      `reverseDiffusion: expected positive integers samples and d, got ${samples} and ${d}`,
    );
  }
  const alphaBars = noiseSchedule(steps, options);
  // x_T = √ᾱ_T x0 + √(1 − ᾱ_T) ε with x0 unknown: start from the noise part alone.
  let x: Float64Array = rng(seed).normals(samples * d, Math.sqrt(1 - alphaBars[0]));
  let x0Hat: Float64Array = new Float64Array(samples * d);
  for (let t = 0; t < steps; t++) {
    x0Hat = denoiser(x, alphaBars[t]);
    if (x0Hat.length !== x.length) {
      throw new RangeError(
        `reverseDiffusion: the denoiser returned ${x0Hat.length} values for ${x.length} inputs`,
      );
    }
    await options.onStep?.(t, x0Hat, x);
    if (t < steps - 1) x = ddimStep(x, x0Hat, alphaBars[t], alphaBars[t + 1]);
  }
  return { samples: x0Hat, alphaBars };
}

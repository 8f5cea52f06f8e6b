/**
 * New *and* digit-like: the creativity test of notebook 12. A generated image counts as creative only when
 * it passes all four tests, each calibrated on real data the generators never saw:
 *
 * - **new**: its nearest training image is farther than $\tau = \delta_{\rm typ}/2$, half the median
 *   leave-one-out gap between training images;
 * - **locally consistent**: the mean, over its $P\times P$ patches, of the distance to the nearest training
 *   patch is at most a high quantile (default 0.95) of the same number for real reference images;
 * - **inked** and **contrasted**: its ink mass $\bar x = \frac1d\sum_p x_p$ and its contrast (pixel standard
 *   deviation) $\sqrt{\frac1d\sum_p (x_p-\bar x)^2}$ lie within the range [min, max] of the reference images.
 *
 * Each test stops a null generator that a weaker test lets through: a blank image is far from every training
 * image and every patch of it matches the training background, but it has no ink; the mean training image has
 * a digit's ink but not its contrast, nor its patches; pixel-shuffled digits keep ink and contrast but lose
 * their patches; a memorizing generator is not new (Kamb & Ganguli 2025, arXiv:2412.20292, "locally
 * consistent patch mosaics"). Introduced in notebook 12.
 *
 * @module
 */
import type { ImageRows } from "../theory/ideal_denoiser.ts";
import type { PatchBank } from "../theory/local_score.ts";
import { nearestNeighbors } from "./nearest_neighbor.ts";
import { nearestPatchDistances } from "./patch_distance.ts";
import { median, quantile } from "./quantile.ts";

/** The thresholds of the four tests. */
export interface CreativityCriteria {
  /** New: nearest training image farther than τ. */
  tau: number;
  /** Locally consistent: mean nearest-training-patch distance ≤ this. */
  patchMax: number;
  /** Inked: ink mass within [lo, hi]. */
  ink: [number, number];
  /** Contrasted: pixel standard deviation within [lo, hi]. */
  contrast: [number, number];
}

/** Per-image readings and verdicts, and the share of images passing each test. */
export interface CreativityReport {
  nearest: Float64Array;
  patch: Float64Array;
  ink: Float64Array;
  contrast: Float64Array;
  /** 1 where the image passes all four tests `[n]`. */
  creative: Uint8Array;
  /** Share of images passing each test, and all four at once. */
  fractions: { new: number; local: number; ink: number; contrast: number; creative: number };
}

/** Ink mass (mean pixel) and contrast (pixel standard deviation) of each image `[n]`. */
export function inkAndContrast(images: ImageRows): { ink: Float64Array; contrast: Float64Array } {
  const { x, n, d } = images;
  if (x.length !== n * d) {
    throw new RangeError(`inkAndContrast: expected x of length n·d = ${n}·${d}, got ${x.length}`);
  }
  const ink = new Float64Array(n), contrast = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0, s2 = 0;
    for (let p = 0; p < d; p++) s += x[i * d + p];
    const m = s / d;
    for (let p = 0; p < d; p++) s2 += (x[i * d + p] - m) ** 2;
    ink[i] = m;
    contrast[i] = Math.sqrt(s2 / d);
  }
  return { ink, contrast };
}

/** Mean over each image's patches of the distance to the nearest training patch in `bank` `[n]`. */
export function meanPatchDistance(images: ImageRows, bank: PatchBank): Float64Array {
  const all = nearestPatchDistances(images, bank), d = images.d;
  return Float64Array.from({ length: images.n }, (_, i) => {
    let s = 0;
    for (let p = 0; p < d; p++) s += all[i * d + p];
    return s / d;
  });
}

/** Options of {@linkcode calibrateCreativity}. */
export interface CalibrationOptions {
  /** Training patches the local-consistency test compares with. */
  bank: PatchBank;
  /** Quantile of the reference images' mean patch distance taken as the threshold. Default 0.95. */
  patchQuantile?: number;
  /**
   * Estimate that quantile on the first `patchSample` reference images only (each costs a nearest-patch search);
   * the ink and contrast ranges always use all of them. Default: all.
   */
  patchSample?: number;
}

/**
 * Thresholds from data: τ from the training set (leave-one-out), the patch threshold and the ink and contrast
 * ranges from `reference`, real images the generators never saw.
 *
 * @throws {RangeError} for a reference set (or patch sample) of fewer than 2 images or a quantile outside (0, 1]
 */
export function calibrateCreativity(
  train: ImageRows,
  reference: ImageRows,
  options: CalibrationOptions,
): CreativityCriteria {
  const q = options.patchQuantile ?? 0.95, k = Math.min(options.patchSample ?? reference.n, reference.n);
  if (!(q > 0 && q <= 1)) {
    throw new RangeError(`calibrateCreativity: expected 0 < patchQuantile ≤ 1, got ${q}`);
  }
  if (!(k >= 2)) {
    throw new RangeError(
      `calibrateCreativity: expected at least 2 reference images (and patchSample ≥ 2), got ${reference.n} ` +
        `images and patchSample ${options.patchSample}`,
    );
  }
  const tau = 0.5 * median(nearestNeighbors(train, train, { excludeSelf: true }).distance);
  const { ink, contrast } = inkAndContrast(reference);
  const range = (v: Float64Array): [number, number] => [Math.min(...v), Math.max(...v)];
  const sample = { x: reference.x.subarray(0, k * reference.d), n: k, d: reference.d };
  return {
    tau,
    patchMax: quantile(meanPatchDistance(sample, options.bank), q),
    ink: range(ink),
    contrast: range(contrast),
  };
}

/**
 * Judge generated images by the four tests.
 *
 * @example
 * ```ts
 * import { patchBank } from "../theory/local_score.ts";
 * import { judgeCreativity } from "./creativity.ts";
 * // A blank 2×2 image is far from the one training image and its patches match the background, but it has no ink.
 * const train = { x: Float64Array.from([1, 0, 0, 1]), n: 1, d: 4 };
 * const bank = patchBank(train, { height: 2, width: 2, patch: 1 });
 * const criteria = { tau: 0.5, patchMax: 0.1, ink: [0.4, 0.6] as [number, number], contrast: [0.4, 0.6] as [number, number] };
 * const r = judgeCreativity({ x: new Float64Array(4), n: 1, d: 4 }, train, { bank, criteria });
 * if (r.fractions.new !== 1 || r.fractions.local !== 1 || r.fractions.creative !== 0) throw new Error("blank fails");
 * ```
 */
export function judgeCreativity(
  images: ImageRows,
  train: ImageRows,
  options: { bank: PatchBank; criteria: CreativityCriteria },
): CreativityReport {
  const { criteria: c, bank } = options;
  const nearest = nearestNeighbors(images, train).distance;
  const patch = meanPatchDistance(images, bank);
  const { ink, contrast } = inkAndContrast(images);
  const within = (v: number, [lo, hi]: [number, number]) => v >= lo && v <= hi;
  const tests = Array.from({ length: images.n }, (_, i) => [
    nearest[i] > c.tau,
    patch[i] <= c.patchMax,
    within(ink[i], c.ink),
    within(contrast[i], c.contrast),
  ]);
  const share = (k: number) => tests.filter((t) => t[k]).length / images.n;
  const creative = Uint8Array.from(tests, (t) => (t.every(Boolean) ? 1 : 0));
  return {
    nearest,
    patch,
    ink,
    contrast,
    creative,
    fractions: {
      new: share(0),
      local: share(1),
      ink: share(2),
      contrast: share(3),
      creative: creative.reduce((a, b) => a + b, 0) / images.n,
    },
  };
}

/**
 * The 8×8 handwritten digits (UCI "Optical Recognition of Handwritten Digits", Alpaydin & Kaynak 1998;
 * scikit-learn's copy, 1,797 images). Small enough that every experiment on it takes seconds.
 *
 * @module
 */
import { readGzip } from "./_files.ts";
import { rng } from "../random.ts";

/** A labelled data set with inputs as row-major `[n, d]`. */
export interface Dataset {
  /** `[n, d]` row-major. */
  x: Float64Array;
  /** Integer labels `[n]`, 0..classes-1. */
  y: Int32Array;
  n: number;
  d: number;
  classes: number;
}

/** Options of {@linkcode loadDigits}. */
export interface DigitsOptions {
  /** Subtract each pixel's mean over the data set. Default true ("inputs centred", CURRICULUM.md). */
  center?: boolean;
  /** Divide pixel values (0..16) by 16 first. Default true. */
  scale?: boolean;
}

/**
 * Load all 1,797 digits: `x` is `[1797, 64]`, `y` in 0..9.
 *
 * @example
 * ```ts
 * import { loadDigits } from "./digits.ts";
 * const { n, d } = await loadDigits();
 * if (n !== 1797 || d !== 64) throw new Error("digits are 1797 × 64");
 * ```
 */
export async function loadDigits(options: DigitsOptions = {}): Promise<Dataset> {
  const text = new TextDecoder().decode(await readGzip("digits.csv.gz"));
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const n = lines.length, d = 64;
  const x = new Float64Array(n * d);
  const y = new Int32Array(n);
  lines.forEach((line, i) => {
    const values = line.split(",").map(Number);
    if (values.length !== d + 1 || values.some((v) => !Number.isFinite(v))) {
      throw new Error(`digits.csv.gz line ${i + 1}: expected ${d + 1} numbers, got "${line.slice(0, 60)}…"`);
    }
    for (let j = 0; j < d; j++) x[i * d + j] = values[j];
    y[i] = values[d];
  });
  if (options.scale ?? true) { for (let k = 0; k < x.length; k++) x[k] /= 16; }
  if (options.center ?? true) centerColumns(x, n, d);
  return { x, y, n, d, classes: 10 };
}

/** Subtract each column's mean, in place. */
export function centerColumns(x: Float64Array, n: number, d: number): void {
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * d + j];
    mean /= n;
    for (let i = 0; i < n; i++) x[i * d + j] -= mean;
  }
}

/** One-hot `[n, classes]` targets from labels. */
export function oneHot(y: Int32Array, classes: number): Float64Array {
  const out = new Float64Array(y.length * classes);
  y.forEach((label, i) => out[i * classes + label] = 1);
  return out;
}

/** A flat row-major `[n, d]` array as `number[][]` (what lib/linalg takes). */
export function toRows(x: ArrayLike<number>, d: number): number[][] {
  if (x.length % d !== 0) throw new RangeError(`toRows: ${x.length} values do not fill rows of length ${d}`);
  return Array.from({ length: x.length / d }, (_, i) => Array.from({ length: d }, (_, j) => x[i * d + j]));
}

/** Rows `idx` of a `[n, d]` matrix. */
export function takeRows(x: Float64Array, d: number, idx: number[]): Float64Array {
  const out = new Float64Array(idx.length * d);
  idx.forEach((r, i) => out.set(x.subarray(r * d, (r + 1) * d), i * d));
  return out;
}

/** A seeded split of a data set into train and test parts. */
export function splitDataset(
  data: Dataset,
  options: { testFraction?: number; seed: number },
): { train: Dataset; test: Dataset } {
  const perm = rng(options.seed).permutation(data.n);
  const nTest = Math.round((options.testFraction ?? 0.2) * data.n);
  const part = (idx: number[]): Dataset => ({
    x: takeRows(data.x, data.d, idx),
    y: Int32Array.from(idx, (i) => data.y[i]),
    n: idx.length,
    d: data.d,
    classes: data.classes,
  });
  return { test: part(perm.slice(0, nTest)), train: part(perm.slice(nTest)) };
}

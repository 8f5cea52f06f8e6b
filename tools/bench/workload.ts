/**
 * What a benchmark workload is, and how one is timed: warm up once, repeat, report the median.
 *
 * @module
 */
import { openBlas } from "../../lib/native/openblas.ts";

/**
 * What the products of a workload with this `matMul` setting run on, for its label: `"OpenBLAS"` or
 * `"XNNPACK patch"` as the course runs (`"patched"`), `"XNNPACK patch"`, or `"stock"`.
 */
export function engineLabel(matMul: "patched" | "xnnpack" | "stock" = "patched"): string {
  if (matMul === "stock") return "stock";
  return matMul === "patched" && openBlas() ? "OpenBLAS" : "XNNPACK patch";
}

/** One timed repetition and what to free afterwards. */
export interface Trial {
  /** One repetition; it must finish its work before returning (read results with `dataSync()`). */
  run(): void | Promise<void>;
  /** Frees what `setup` made. */
  dispose?(): void | Promise<void>;
  /** The repetition's value in ms, when it is not the wall time of `run` (e.g. a time the run measured). */
  measure?(): number;
  /** Run once untimed first. Default true. */
  warmup?: boolean;
}

/** A workload: an entry of the list in `workloads.ts`. */
export interface Workload {
  /** Stable id, also the key of the Python reference in `reference.py` (e.g. `"matmul.1024.tB"`). */
  id: string;
  /** Table section, e.g. `"matMul"`, `"training"`. */
  group: string;
  /** Row label, e.g. `"1024² · transposeB (patched)"`. */
  label: string;
  /** Floating-point operations per repetition: reported as GFLOP/s if given, else as ms (or `unit`). */
  flops?: number;
  /** Report a time in seconds instead of ms. */
  unit?: "s";
  /**
   * Which wasm matMul kernels to run with (`lib/wasm_matmul.ts`); the runner restores the default after.
   * `"patched"` (default): as the course runs, on OpenBLAS when it loads; `"xnnpack"`: the patched kernels
   * without OpenBLAS; `"stock"`: tfjs's own. `"xnnpack"` and `"stock"` workloads are skipped on other
   * backends, where they do not differ.
   */
  matMul?: "patched" | "xnnpack" | "stock";
  /** Id of the Python reference to compare with, if it differs from `id` (stock and patched share one). */
  reference?: string;
  /** Repetition policy; defaults in {@linkcode DEFAULT_REPEATS}. */
  repeats?: Partial<Repeats>;
  /** What the number is held to. */
  target?: Target;
  /** Builds inputs and returns the repetition to time, or a string: the reason to skip the workload. */
  setup(): Trial | string | Promise<Trial | string>;
}

/** A goal: `value` (ours) or `ratio` (ours ÷ one-thread PyTorch) compared with `bound`. */
export interface Target {
  on: "value" | "ratio";
  op: "<=" | ">=";
  bound: number;
  /** e.g. "training step ≤ 3× one-thread PyTorch". */
  text: string;
}

/** Stop after `min` repetitions once `budgetMs` has passed, or after `max` in any case. */
export interface Repeats {
  min: number;
  max: number;
  budgetMs: number;
}

/** Defaults: at least 5 repetitions, until 1.5 s have passed, at most 30. */
export const DEFAULT_REPEATS: Repeats = { min: 5, max: 30, budgetMs: 1500 };

/** Median of a non-empty list. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** Times `trial.run` after one warm-up call; returns every repetition's time in ms. */
export async function timeTrial(trial: Trial, repeats: Partial<Repeats> = {}): Promise<number[]> {
  const { min, max, budgetMs } = { ...DEFAULT_REPEATS, ...repeats };
  if (trial.warmup !== false) await trial.run(); // warm-up: JIT, XNNPACK weight packing, allocator growth
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < max && (samples.length < min || performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    await trial.run();
    samples.push(trial.measure ? trial.measure() : performance.now() - t0);
  }
  return samples;
}

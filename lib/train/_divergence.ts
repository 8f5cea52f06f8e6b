/**
 * Divergence, detected the same way by every trainer: the loss is not finite, or it has grown more than
 * `factor` times (default 10⁶) above the first finite, nonzero loss of the run. A trainer keeps its behaviour (it does
 * not stop unless it already did), and records the FIRST such step in its result as
 * `divergence: { diverged: true, step, loss }`, so that claims and summaries can say "diverged at step k"
 * instead of showing NaN or averaging a run that blew up. Progress lines use {@linkcode divergenceText}.
 *
 * @module
 */
import { fmt } from "../claims.ts";

/** Where a run diverged: the first step whose loss was not finite or exploded, and that loss. */
export interface Divergence {
  diverged: true;
  step: number;
  loss: number;
}

/** Options of {@linkcode divergenceWatch}. */
export interface DivergenceOptions {
  /** A loss more than `factor` times the first finite loss counts as exploded. Default 1e6. */
  factor?: number;
}

/** A watch over a run's losses: `check(step, loss)` after each loss; `divergence` once it diverged. */
export interface DivergenceWatch {
  /** Record one loss; returns true when the run has diverged (at this step or before). */
  check(step: number, loss: number): boolean;
  /** The first divergence, or undefined while the run is fine. */
  readonly divergence: Divergence | undefined;
}

/**
 * Start watching a run for divergence.
 *
 * @example
 * ```ts
 * import { divergenceText, divergenceWatch } from "./_divergence.ts";
 * const watch = divergenceWatch();
 * [1, 0.5, 2e6 + 0.5, NaN].forEach((loss, step) => watch.check(step, loss));
 * if (watch.divergence?.step !== 2) throw new Error("2e6 > 10⁶ × 1 explodes at step 2");
 * if (divergenceText(watch.divergence) !== "diverged at step 2 (loss 2.00e+6)") throw new Error("text");
 * ```
 */
export function divergenceWatch(options: DivergenceOptions = {}): DivergenceWatch {
  const factor = options.factor ?? 1e6;
  if (!(factor > 1)) throw new RangeError(`divergenceWatch: factor must be > 1, got ${factor}`);
  let first: number | undefined;
  let divergence: Divergence | undefined;
  return {
    check(step: number, loss: number): boolean {
      if (divergence) return true;
      const finite = Number.isFinite(loss);
      if (!finite || (first !== undefined && Math.abs(loss) > factor * first)) {
        divergence = { diverged: true, step, loss };
      } else if (first === undefined && loss !== 0) first = Math.abs(loss);
      return divergence !== undefined;
    },
    get divergence() {
      return divergence;
    },
  };
}

/** "diverged at step 16 (loss NaN)": the words a progress line or a summary uses. */
export function divergenceText(d: Divergence): string {
  return `diverged at step ${d.step} (loss ${fmt(d.loss)})`;
}

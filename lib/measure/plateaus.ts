/**
 * Plateaus of a loss curve and the rank of a map: the two observables of saddle-to-saddle dynamics (Jacot,
 * Ged, Şimşek, Hongler & Gabriel 2021, arXiv:2106.15933). From a tiny initialization a linear network
 * lingers near a sequence of saddles (the loss is flat), leaves each along one new direction (the loss
 * drops), and its end-to-end map gains one unit of rank per drop. Introduced in notebook 02.
 *
 * @module
 */
import { Matrix as MlMatrix, SingularValueDecomposition } from "ml-matrix";
import type { MatrixLike } from "../linalg/mod.ts";

/** A stretch of steps where the loss hardly moves on a logarithmic time axis. */
export interface Plateau {
  /** First and last step of the plateau. */
  start: number;
  end: number;
  /** Its geometric middle, $\lfloor\sqrt{\text{start}\cdot\text{end}}\rceil$. */
  middle: number;
  /** The loss at `middle` (before subtracting `floor`). */
  loss: number;
}

/** Options of {@linkcode findPlateaus}. */
export interface PlateauOptions {
  /** A plateau is where the log-log slope $\rho = -d\ln(L-L_*)/d\ln t$ stays below this. Default 0.1. */
  threshold?: number;
  /** $L_*$, the loss's infimum, subtracted before taking logs. Default 0. */
  floor?: number;
  /** Minimal length of a plateau in $\ln t$. Default 0.1 (10% more steps). */
  minLogWidth?: number;
  /** Ignore the tail once $L - L_*$ falls below this fraction of its start (rounding noise). Default 1e-9. */
  minFraction?: number;
  /** Ratio between consecutive steps of the logarithmic grid the slope is measured on. Default 1.02. */
  gridRatio?: number;
}

/**
 * Plateaus of `loss` `[steps + 1]` (the loss at steps 0, 1, …): maximal stretches of a logarithmic grid of
 * steps (from step 1) where the log–log slope $\rho = -\Delta\ln(L-L_*)/\Delta\ln t$ stays below `threshold`
 * for at least `minLogWidth` in $\ln t$. The slope is scale-free: a plateau is where the loss changes by less
 * than ≈ `threshold`·10% while time grows by 10%, at any time scale.
 *
 * @example
 * ```ts
 * import { findPlateaus } from "./plateaus.ts";
 * // two sigmoidal drops, at steps ≈ 100 and ≈ 1000: plateaus before each
 * const loss = Float64Array.from({ length: 3001 }, (_, t) =>
 *   1 + 1 / (1 + Math.exp((t - 100) / 5)) + 1 / (1 + Math.exp((t - 1000) / 50)));
 * const p = findPlateaus(loss, { floor: 1 });
 * if (p.length !== 2 || p[0].start !== 1 || Math.abs(p[1].loss - 2) > 1e-3) throw new Error("two plateaus");
 * ```
 */
export function findPlateaus(loss: ArrayLike<number>, options: PlateauOptions = {}): Plateau[] {
  const { threshold = 0.1, floor = 0, minLogWidth = 0.1, minFraction = 1e-9, gridRatio = 1.02 } = options;
  const steps = loss.length - 1;
  if (steps < 2) {
    throw new RangeError(`findPlateaus: expected a loss curve with at least 3 points, got ${loss.length}`);
  }
  if (!(gridRatio > 1)) throw new RangeError(`findPlateaus: expected gridRatio > 1, got ${gridRatio}`);
  const grid: number[] = [1];
  while (grid[grid.length - 1] < steps) {
    const last = grid[grid.length - 1];
    grid.push(Math.min(steps, Math.max(last + 1, Math.round(last * gridRatio))));
  }
  const excess = (t: number): number => loss[t] - floor;
  const cutoff = minFraction * excess(1);
  if (!(excess(1) > 0)) {
    throw new RangeError(`findPlateaus: expected the loss to start above floor = ${floor}, got ${loss[1]}`);
  }
  const plateaus: Plateau[] = [];
  let runStart = -1;
  const close = (endIndex: number): void => {
    const start = grid[runStart], end = grid[endIndex];
    if (Math.log(end / start) >= minLogWidth) {
      const middle = Math.round(Math.sqrt(start * end));
      plateaus.push({ start, end, middle, loss: loss[middle] });
    }
    runStart = -1;
  };
  for (let k = 0; k + 1 < grid.length; k++) {
    const a = grid[k], b = grid[k + 1];
    if (!(excess(b) > cutoff)) {
      if (runStart >= 0) close(k);
      break;
    }
    const rho = -(Math.log(excess(b)) - Math.log(excess(a))) / Math.log(b / a);
    if (rho < threshold) {
      if (runStart < 0) runStart = k;
    } else if (runStart >= 0) {
      close(k);
    }
    if (k + 2 === grid.length && runStart >= 0) close(k + 1);
  }
  return plateaus;
}

/**
 * Singular values of `W` `[rows, cols]`, descending (ml-matrix SVD).
 *
 * @example
 * ```ts
 * import { singularValues } from "./plateaus.ts";
 * const s = singularValues([[0, 2], [1, 0]]);
 * if (s[0] !== 2 || s[1] !== 1) throw new Error("2, 1");
 * ```
 */
export function singularValues(W: MatrixLike): Float64Array {
  if (W.length === 0 || W[0].length === 0) {
    throw new RangeError(`singularValues: expected a non-empty matrix, got [${W.length}, ${W[0]?.length}]`);
  }
  const svd = new SingularValueDecomposition(new MlMatrix(W.map((r) => Array.from(r))), {
    autoTranspose: true,
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
  });
  return Float64Array.from(svd.diagonal).sort().reverse();
}

/**
 * Numerical rank: how many singular values of `W` exceed `tol`.
 *
 * @example
 * ```ts
 * import { numericalRank } from "./plateaus.ts";
 * if (numericalRank([[1, 0], [0, 1e-9]], { tol: 1e-6 }) !== 1) throw new Error("rank 1 at tol 1e-6");
 * ```
 */
export function numericalRank(W: MatrixLike, options: { tol: number }): number {
  if (!(options.tol > 0)) throw new RangeError(`numericalRank: expected tol > 0, got ${options.tol}`);
  return singularValues(W).filter((s) => s > options.tol).length;
}

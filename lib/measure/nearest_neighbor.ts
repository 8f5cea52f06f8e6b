/**
 * Nearest training images: how far each generated image is from the closest image of a reference set, the
 * measurement that separates memorization (distance ≈ 0) from novelty (Kamb & Ganguli 2025,
 * arXiv:2412.20292; Carlini et al. 2023, arXiv:2301.13188, use the same test on large models).
 * Euclidean distance on the flat pixel vectors. Introduced in notebook 12.
 *
 * @module
 */
import type { ImageRows } from "../theory/ideal_denoiser.ts";

/** Options of {@linkcode nearestNeighbors}. */
export interface NearestNeighborOptions {
  /**
   * Skip reference row `i` for query row `i` (leave-one-out, when queries and reference are the same set).
   * Default false.
   */
  excludeSelf?: boolean;
}

/** For each query row, the distance to and index of its nearest reference row. */
export interface NearestNeighbors {
  /** `[queries.n]` Euclidean distances. */
  distance: Float64Array;
  /** `[queries.n]` row indices into the reference set. */
  index: Int32Array;
}

/**
 * Nearest reference image of each query image (brute force, $O(n_q\,n_r\,d)$).
 *
 * @throws {RangeError} when the pixel counts differ, or `excludeSelf` leaves no candidate
 *
 * @example
 * ```ts
 * import { nearestNeighbors } from "./nearest_neighbor.ts";
 * const ref = { x: Float64Array.from([0, 0, 3, 4]), n: 2, d: 2 };
 * const { distance, index } = nearestNeighbors({ x: Float64Array.from([3, 3]), n: 1, d: 2 }, ref);
 * if (index[0] !== 1 || distance[0] !== 1) throw new Error("(3, 4) is 1 away");
 * ```
 */
export function nearestNeighbors(
  queries: ImageRows,
  reference: ImageRows,
  options: NearestNeighborOptions = {},
): NearestNeighbors {
  const d = queries.d;
  if (reference.d !== d) {
    throw new RangeError(
      `nearestNeighbors: expected queries and reference with the same d, got ${d} and ${reference.d}`,
    );
  }
  const excludeSelf = options.excludeSelf ?? false;
  if (excludeSelf && reference.n < 2) {
    throw new RangeError(
      `nearestNeighbors: excludeSelf needs a reference of at least 2 rows, got ${reference.n}`,
    );
  }
  const distance = new Float64Array(queries.n), index = new Int32Array(queries.n);
  for (let i = 0; i < queries.n; i++) {
    let best = Infinity, arg = -1;
    for (let j = 0; j < reference.n; j++) {
      if (excludeSelf && i === j) continue;
      let sq = 0;
      for (let c = 0; c < d && sq < best; c++) {
        const diff = queries.x[i * d + c] - reference.x[j * d + c];
        sq += diff * diff;
      }
      if (sq < best) best = sq, arg = j;
    }
    distance[i] = Math.sqrt(best);
    index[i] = arg;
  }
  return { distance, index };
}

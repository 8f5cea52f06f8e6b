/**
 * Local consistency: for every $P\times P$ patch of an image, the distance to the nearest training patch in a
 * {@linkcode PatchBank} (any position if the bank is equivariant, the same position otherwise). An image is a
 * *locally consistent patch mosaic* when all these distances are small even though the image as a whole is
 * far from every training image (Kamb & Ganguli 2025, arXiv:2412.20292). Introduced in notebook 12.
 *
 * The search is exact and pruned by norms: with the pool sorted by $\|\varphi\|$, candidates are visited
 * outward from $\|q\|$ and the search stops once $\big|\|q\|-\|\varphi\|\big|$ (a lower bound on $\|q-\varphi\|$)
 * exceeds the best distance found.
 *
 * @module
 */
import type { ImageRows } from "../theory/ideal_denoiser.ts";
import { extractPatch, type PatchBank, type PatchPool } from "../theory/local_score.ts";

interface SortedPool {
  /** Patches reordered by increasing norm `[m, k]`. */
  patches: Float64Array;
  norms: Float64Array;
}

const sortedPools = new WeakMap<PatchPool, SortedPool>();

function sortByNorm(pool: PatchPool, k: number): SortedPool {
  const cached = sortedPools.get(pool);
  if (cached) return cached;
  const norm = (u: number) => Math.hypot(...pool.patches.subarray(u * k, (u + 1) * k));
  const order = Array.from({ length: pool.m }, (_, u) => [norm(u), u]).sort((a, b) => a[0] - b[0]);
  const patches = new Float64Array(pool.m * k), norms = new Float64Array(pool.m);
  order.forEach(([n, u], i) => (norms[i] = n, patches.set(pool.patches.subarray(u * k, (u + 1) * k), i * k)));
  const sorted = { patches, norms };
  sortedPools.set(pool, sorted);
  return sorted;
}

/** Squared distance from `q` to patch `u`, abandoning once it reaches `bound`. */
function squaredDistance(q: Float64Array, patches: Float64Array, u: number, bound: number): number {
  const k = q.length, o = u * k;
  let sq = 0;
  for (let c = 0; c < k && sq < bound; c++) {
    const diff = q[c] - patches[o + c];
    sq += diff * diff;
  }
  return sq;
}

/**
 * Distances `[n, d]` (flat) from each zero-padded patch of each image to its nearest patch in `bank`.
 *
 * @throws {RangeError} if the images do not have the bank's `height · width` pixels
 *
 * @example
 * ```ts
 * import { patchBank } from "../theory/local_score.ts";
 * import { nearestPatchDistances } from "./patch_distance.ts";
 * const train = { x: Float64Array.from([1, 0, 0, 1]), n: 1, d: 4 };
 * const bank = patchBank(train, { height: 2, width: 2, patch: 1 });
 * const dist = nearestPatchDistances({ x: Float64Array.from([1, 0.5, 0, 2]), n: 1, d: 4 }, bank);
 * if (dist.join() !== "0,0.5,0,1") throw new Error(dist.join());
 * ```
 */
export function nearestPatchDistances(images: ImageRows, bank: PatchBank): Float64Array {
  const { height, width, patch } = bank, d = height * width, k = patch * patch;
  if (images.d !== d) {
    throw new RangeError(
      `nearestPatchDistances: expected images of ${height}·${width} = ${d} pixels, got d = ${images.d}`,
    );
  }
  const out = new Float64Array(images.n * d), q = new Float64Array(k);
  for (let img = 0; img < images.n; img++) {
    for (let p = 0; p < d; p++) {
      extractPatch(images.x, img * d, bank, Math.floor(p / width), p % width, q);
      const { patches, norms } = sortByNorm(bank.pools[bank.equivariant ? 0 : p], k);
      const qn = Math.hypot(...q), m = norms.length;
      // First patch with norm ≥ ‖q‖, then walk both ways while the norm gap can still beat the best.
      let lo = 0, hi = m;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (norms[mid] < qn) lo = mid + 1;
        else hi = mid;
      }
      let best = Infinity, up = lo, down = lo - 1;
      while (up < m || down >= 0) {
        const gapUp = up < m ? norms[up] - qn : Infinity, gapDown = down >= 0 ? qn - norms[down] : Infinity;
        const gap = Math.min(gapUp, gapDown);
        if (gap * gap >= best) break;
        const u = gapUp <= gapDown ? up++ : down--;
        const sq = squaredDistance(q, patches, u, best);
        if (sq < best) best = sq;
      }
      out[img * d + p] = Math.sqrt(best);
    }
  }
  return out;
}

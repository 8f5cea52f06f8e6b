/**
 * The leap of a sparse function: how many new coordinates SGD must discover at once (Abbe, Boix-Adserà &
 * Misiakiewicz 2023, arXiv:2302.11055, §1). Introduced in notebook 10.
 *
 * For $f = \sum_j c_j\chi_{S_j}$ (monomials $\chi_S = \prod_{i\in S}x_i$ on $\{\pm1\}^d$), order the supports
 * $S_{\pi(1)}, S_{\pi(2)}, …$ and count, at each step, the coordinates not seen before; the leap is the
 * smallest, over orderings, of the largest such count:
 * $$\mathrm{Leap}(f) = \min_\pi \max_j \big|S_{\pi(j)} \setminus \textstyle\bigcup_{i<j}S_{\pi(i)}\big| .$$
 * The staircase $x_1 + x_1x_2 + x_1x_2x_3$ has leap 1 (one new coordinate per step); the lone parity
 * $x_1x_2x_3$ has leap 3. The paper's conjecture (proved for a class of functions on Gaussian data): online SGD
 * on a two-layer network needs $\tilde\Theta(d^{\max(\mathrm{Leap},2)})$ samples, and learns the support in
 * a sequence of saddle-to-saddle plateaus, one per leap. So a leap-3 function costs a factor ≈ $d$ more than a
 * leap-1 function (up to logarithms and constants).
 *
 * @module
 */

/**
 * The leap of a set of supports (0-based coordinates), by the greedy rule: repeatedly take a support with the
 * fewest unseen coordinates. Greedy is optimal here: adding a support only shrinks the others' unseen sets.
 *
 * @example
 * ```ts
 * import { leapComplexity } from "./leap.ts";
 * if (leapComplexity([[0], [0, 1], [0, 1, 2]]) !== 1) throw new Error("staircase: leap 1");
 * if (leapComplexity([[0, 1, 2]]) !== 3) throw new Error("3-parity: leap 3");
 * if (leapComplexity([[0], [1, 2, 3], [0, 1]]) !== 2) throw new Error("x₀, then x₀x₁, then 2 new");
 * ```
 */
export function leapComplexity(supports: number[][]): number {
  if (supports.length === 0) return 0;
  for (const S of supports) {
    if (S.some((k) => !(Number.isInteger(k) && k >= 0))) {
      throw new RangeError(`leapComplexity: coordinates must be non-negative integers, got [${S}]`);
    }
  }
  const seen = new Set<number>();
  const left = supports.map((S) => new Set(S));
  let leap = 0;
  while (left.length > 0) {
    let best = 0, bestNew = Infinity;
    left.forEach((S, i) => {
      let fresh = 0;
      for (const k of S) if (!seen.has(k)) fresh++;
      if (fresh < bestNew) [best, bestNew] = [i, fresh];
    });
    leap = Math.max(leap, bestNew);
    for (const k of left[best]) seen.add(k);
    left.splice(best, 1);
  }
  return leap;
}

/**
 * The loss plateaus of a staircase learned term by term: with orthonormal monomials, a network that has
 * learned the first $j$ terms exactly and nothing else has loss $\frac12\sum_{i>j}c_i^2$ (the ½-MSE
 * convention). Returns `[terms + 1]` levels, from nothing learned to everything.
 *
 * @example
 * ```ts
 * import { staircasePlateaus } from "./leap.ts";
 * if (staircasePlateaus([1, 1, 1]).join() !== "1.5,1,0.5,0") throw new Error("½ · terms left");
 * ```
 */
export function staircasePlateaus(coefficients: number[]): number[] {
  return coefficients.map((_, j) => 0.5 * coefficients.slice(j).reduce((s, c) => s + c * c, 0)).concat([0]);
}

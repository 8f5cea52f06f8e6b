import { assertEquals } from "../_assert.ts";
import { rng } from "../random.ts";
import { leapComplexity, staircasePlateaus } from "./leap.ts";

function brute(supports: number[][]): number {
  let best = Infinity;
  const go = (left: number[][], seen: Set<number>, worst: number): void => {
    if (left.length === 0) best = Math.min(best, worst);
    left.forEach((S, i) =>
      go(
        left.filter((_, j) => j !== i),
        new Set([...seen, ...S]),
        Math.max(worst, S.filter((k) => !seen.has(k)).length),
      )
    );
  };
  go(supports, new Set(), 0);
  return best;
}

Deno.test("leapComplexity() equals the minimum over all orderings (brute force) on random supports", () => {
  const r = rng(11);
  for (let trial = 0; trial < 60; trial++) {
    const supports = Array.from({ length: 1 + r.int(5) }, () => r.choice(7, 1 + r.int(4)));
    assertEquals(leapComplexity(supports), brute(supports));
  }
});

Deno.test("leapComplexity(): staircase 1, lone parity 3, empty 0", () => {
  assertEquals(leapComplexity([[0], [0, 1], [0, 1, 2], [0, 1, 2, 3]]), 1);
  assertEquals(leapComplexity([[4, 7, 9]]), 3);
  assertEquals(leapComplexity([]), 0);
});

Deno.test("staircasePlateaus() is ½ × the squared coefficients not yet learned", () => {
  assertEquals(staircasePlateaus([2, 1]), [2.5, 0.5, 0]);
});

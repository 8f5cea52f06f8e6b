import { assertEquals, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { nearestNeighbors } from "./nearest_neighbor.ts";

Deno.test("nearestNeighbors() agrees with an exhaustive search, with and without leaving each row out", () => {
  const r = rng(1);
  const ref = { x: r.normals(30 * 4), n: 30, d: 4 };
  const dist = (i: number, j: number) =>
    Math.hypot(...Array.from({ length: 4 }, (_, c) => ref.x[i * 4 + c] - ref.x[j * 4 + c]));
  const self = nearestNeighbors(ref, ref);
  assertEquals(Array.from(self.distance), new Array(30).fill(0));
  assertEquals(Array.from(self.index), Array.from({ length: 30 }, (_, i) => i));
  const loo = nearestNeighbors(ref, ref, { excludeSelf: true });
  for (let i = 0; i < 30; i++) {
    let best = Infinity, arg = -1;
    for (let j = 0; j < 30; j++) if (j !== i && dist(i, j) < best) best = dist(i, j), arg = j;
    assertEquals(loo.index[i], arg);
    if (Math.abs(loo.distance[i] - best) > 1e-12) throw new Error(`row ${i}: ${loo.distance[i]} vs ${best}`);
  }
});

Deno.test("nearestNeighbors() says what was wrong with the shapes", () => {
  const a = { x: new Float64Array(4), n: 2, d: 2 }, b = { x: new Float64Array(3), n: 1, d: 3 };
  assertThrows(() => nearestNeighbors(a, b), RangeError, "same d, got 2 and 3");
  assertThrows(() => nearestNeighbors(b, b, { excludeSelf: true }), RangeError, "at least 2 rows, got 1");
});

import { assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { fractionBelow, median, quantile } from "./quantile.ts";

Deno.test("quantile() interpolates between order statistics and hits the extremes at 0 and 1", () => {
  const v = [10, 0, 30, 20];
  assertEquals(quantile(v, 0), 0);
  assertEquals(quantile(v, 1), 30);
  assertClose(quantile(v, 0.25), 7.5, 1e-15); // h = 0.75 between 0 and 10
  assertEquals(median([3, 1, 2]), 2);
  assertEquals(Array.from(v), [10, 0, 30, 20], "the input is not reordered");
});

Deno.test("fractionBelow() counts strictly smaller values", () => {
  assertEquals(fractionBelow([1, 2, 3, 4], 3), 0.5);
});

Deno.test("quantile() and fractionBelow() say what was wrong", () => {
  assertThrows(() => quantile([], 0.5), RangeError, "at least one value");
  assertThrows(() => quantile([1], 2), RangeError, "expected 0 ≤ q ≤ 1, got 2");
  assertThrows(() => quantile([1, NaN], 0.5), RangeError, "got NaN");
  assertThrows(() => fractionBelow([], 1), RangeError, "at least one value");
});

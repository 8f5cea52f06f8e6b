import { assert, assertEquals } from "../_assert.ts";
import { CheckFailure } from "../exercise.ts";
import { checkAntipodalBoundary, checkBothActiveError } from "./superposition.ts";

function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert(e instanceof CheckFailure, `expected a CheckFailure, got ${e}`);
    return (e as Error).message;
  }
  throw new Error("the check passed a wrong answer");
}

Deno.test("checkBothActiveError() passes the closed form and tells a factor error from a wrong law", () => {
  const J = (c: number) => {
    const F = (y: number) => (y + c) ** 3 / 3 - (y + c) ** 4 / 6;
    return F(1 - c) - F(0) + c / 3;
  };
  assertEquals(checkBothActiveError(J), "exact (to rounding)");
  assert(failure(() => checkBothActiveError((c) => 2 * J(c))).includes("constant factor"));
  assert(failure(() => checkBothActiveError((c) => 1 / 6 + c)).includes("wrong dependence on c"));
});

Deno.test("checkAntipodalBoundary() passes p* = 4r/(2 + 5r) and names a factor error or a wrong law", () => {
  assert(checkAntipodalBoundary((r) => (4 * r) / (2 + 5 * r)).startsWith("exact"));
  assert(failure(() => checkAntipodalBoundary((r) => (2 * r) / (2 + 5 * r))).includes("constant factor"));
  assert(
    failure(() => checkAntipodalBoundary((r) => (4 * r) / (2 + 3 * r))).includes("wrong dependence on r"),
  );
});

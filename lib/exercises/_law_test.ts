import { assertEquals, assertThrows } from "../_assert.ts";
import { CheckFailure } from "../exercise.ts";
import { expectLaw } from "./_law.ts";

const law = (b: number) => 2 * (1 + b);
const cases = (f: (b: number) => number) =>
  [0, 0.5, 0.9].map((b) => ({ label: `β = ${b}`, got: f(b), expected: law(b) }));

Deno.test("expectLaw() grades the right formula exact", () => {
  assertEquals(expectLaw(cases(law), { what: "threshold" }), "exact");
  assertEquals(expectLaw(cases((b) => law(b) * (1 + 1e-9)), { what: "threshold" }), "close");
});

Deno.test("expectLaw() names a constant factor error", () => {
  assertThrows(
    () => expectLaw(cases((b) => (1 + b)), { what: "threshold" }),
    CheckFailure,
    "constant factor ×0.5",
  );
});

Deno.test("expectLaw() tells a wrong law from a factor error", () => {
  assertThrows(
    () => expectLaw(cases((b) => 2 / (1 - b)), { what: "threshold" }),
    CheckFailure,
    "different law",
  );
});

Deno.test("expectLaw() refuses an answer that is not a number", () => {
  assertThrows(
    () => expectLaw([{ label: "x", got: "3", expected: 3 }], { what: "threshold" }),
    CheckFailure,
    "expected a number",
  );
});

import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { CheckFailure } from "../exercise.ts";
import { balancednessIncrement, saxeHalfTime } from "../theory/deep_linear.ts";
import { checkBalanceIncrement, checkSaxeHalfTime, checkStartForHalfTime } from "./deep_linear.ts";

Deno.test("checkSaxeHalfTime() grades the formula exact and the library's closed form at least close", () => {
  assertEquals(checkSaxeHalfTime((s, u0, eta) => Math.log((s - u0) / u0) / (2 * s * eta)), "exact");
  assert(
    ["exact", "close"].includes(checkSaxeHalfTime((s, u0, eta) => saxeHalfTime(s, u0, { tau: 1 / eta }))),
  );
});

Deno.test("checkSaxeHalfTime() fails a time in flow units, and one without the factor 2", () => {
  assertThrows(() => checkSaxeHalfTime((s, u0) => saxeHalfTime(s, u0)), CheckFailure, "saxeHalfTime");
  assertThrows(
    () => checkSaxeHalfTime((s, u0, eta) => Math.log((s - u0) / u0) / (s * eta)),
    CheckFailure,
    "100% off",
  );
});

Deno.test("checkBalanceIncrement() passes the library and fails a missing η² and a sign error", () => {
  assertEquals(checkBalanceIncrement((G1, G2, eta) => balancednessIncrement(G1, G2, { eta })), "exact");
  assertThrows(
    () => checkBalanceIncrement((G1, G2, eta) => balancednessIncrement(G1, G2, { eta: Math.sqrt(eta) })),
    CheckFailure,
    "entry",
  );
  assertThrows(
    () =>
      checkBalanceIncrement((G1, G2, eta) =>
        balancednessIncrement(G1, G2, { eta }).map((r) => r.map((v) => -v))
      ),
    CheckFailure,
    "entry",
  );
  assertThrows(() => checkBalanceIncrement(() => [[0]]), CheckFailure, "[5, 5]");
});

Deno.test("checkStartForHalfTime() passes s/(1 + e^(2st)) and tells a factor error from a wrong law", () => {
  assertEquals(checkStartForHalfTime((s, t) => s / (1 + Math.exp(2 * s * t))), "exact");
  assertThrows(
    () => checkStartForHalfTime((s, t) => 2 * s / (1 + Math.exp(2 * s * t))),
    CheckFailure,
    "constant factor ×2",
  );
  assertThrows(
    () => checkStartForHalfTime((s, t) => s / (1 + Math.exp(s * t))),
    CheckFailure,
    "different law",
  );
  assertThrows(
    () => checkStartForHalfTime((s, t) => s * Math.exp(-2 * s * t)),
    CheckFailure,
    "different law",
  );
});

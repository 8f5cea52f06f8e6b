import { assert, assertEquals, assertThrows } from "./_assert.ts";
import { captureDisplays } from "./display.ts";
import {
  check,
  CHECK_MIME,
  CheckFailure,
  type CheckRecord,
  expectClose,
  expectTrue,
  NotImplementedError,
} from "./exercise.ts";

Deno.test("expectClose() says exact, close, or how far off the answer is", () => {
  assertEquals(expectClose(2, 2), "exact");
  assertEquals(expectClose(2 + 1e-9, 2), "close");
  assertThrows(
    () => expectClose(2.2, 2, { what: "η_max" }),
    CheckFailure,
    "η_max: expected 2 (within 1.00e-6 relative), got 2.2: 10% off",
  );
  assertThrows(() => expectClose("2", 2), CheckFailure, 'expected a number close to 2, got a string "2"');
});

Deno.test("check() records a pass, a wrong answer, a crash and a stub, and never throws", async () => {
  const { bundles } = await captureDisplays(async () => {
    await check("right", 2, () => expectClose(1, 1));
    await check("wrong", 3, () => expectTrue(false, "the rate must be below 2/λ"));
    await check("crash", 1, () => {
      throw new TypeError("x is undefined");
    });
    await check("stub", 1, () => {
      throw new NotImplementedError("maxStableLearningRate");
    });
  });
  const records = bundles.map((b) => b[CHECK_MIME] as CheckRecord);
  assertEquals(records.map((r) => [r.name, r.points, r.passed]), [["right", 2, true], ["wrong", 3, false], [
    "crash",
    1,
    false,
  ], ["stub", 1, false]]);
  assertEquals(records[0].message, "exact");
  assertEquals(records[1].message, "the rate must be below 2/λ");
  assert(records[2].message.includes("your code raised TypeError: x is undefined"));
  assert(records[3].message.startsWith("maxStableLearningRate is not implemented yet"));
  assert(String(bundles[1]["text/plain"]).startsWith("✗ FAIL  wrong (0/3 points)"));
});

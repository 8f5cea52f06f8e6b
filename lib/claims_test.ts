import { assert, assertEquals, assertThrows } from "./_assert.ts";
import { captureDisplays } from "./display.ts";
import { claim, CLAIM_MIME, type ClaimRecord, claims, evaluateClaim, fmt } from "./claims.ts";

const base = { name: "x", citation: "test" };

Deno.test("evaluateClaim() applies each kind of tolerance, at and just past its edge", () => {
  assert(evaluateClaim({ ...base, measured: 1.0001, predicted: 1, tolerance: { rel: 1e-4 + 1e-12 } }).passed);
  assert(!evaluateClaim({ ...base, measured: 1.0002, predicted: 1, tolerance: { rel: 1e-4 } }).passed);
  assert(evaluateClaim({ ...base, measured: 0.03, predicted: 0, tolerance: { abs: 0.03 } }).passed);
  assert(!evaluateClaim({ ...base, measured: -0.031, predicted: 0, tolerance: { abs: 0.03 } }).passed);
  assert(evaluateClaim({ ...base, measured: 5, predicted: 5, tolerance: { atLeast: true } }).passed);
  assert(!evaluateClaim({ ...base, measured: 4.9, predicted: 5, tolerance: { atLeast: true } }).passed);
  assert(!evaluateClaim({ ...base, measured: 5.1, predicted: 5, tolerance: { atMost: true } }).passed);
  assert(
    evaluateClaim({ ...base, measured: -0.5, predicted: -0.5, tolerance: { between: [-0.8, -0.35] } }).passed,
  );
  assert(
    !evaluateClaim({ ...base, measured: -0.3, predicted: -0.5, tolerance: { between: [-0.8, -0.35] } })
      .passed,
  );
});

Deno.test("evaluateClaim() fails a measurement that is not a finite number", () => {
  assert(!evaluateClaim({ ...base, measured: NaN, predicted: 1, tolerance: { rel: 1 } }).passed);
  assert(!evaluateClaim({ ...base, measured: Infinity, predicted: 1, tolerance: { atLeast: true } }).passed);
});

Deno.test("evaluateClaim() rejects a claim without a name, a citation, or a positive tolerance", () => {
  assertThrows(
    () => evaluateClaim({ ...base, name: " ", measured: 1, predicted: 1, tolerance: { rel: 1 } }),
    RangeError,
    "needs a name",
  );
  assertThrows(
    () => evaluateClaim({ ...base, citation: "", measured: 1, predicted: 1, tolerance: { rel: 1 } }),
    RangeError,
    "needs a citation",
  );
  assertThrows(
    () => evaluateClaim({ ...base, measured: 1, predicted: 1, tolerance: { rel: 0 } }),
    RangeError,
    "must be positive",
  );
  assertThrows(
    () => evaluateClaim({ ...base, measured: 1, predicted: 1, tolerance: { between: [2, 1] } }),
    RangeError,
    "lo ≤ hi",
  );
});

Deno.test("claims() shows one table with a visible FAIL row and emits every record for the runner", async () => {
  const { bundles } = await captureDisplays(() =>
    claims([
      { ...base, name: "good", measured: 1, predicted: 1, tolerance: { rel: 0.1 } },
      { ...base, name: "bad", measured: 2, predicted: 1, tolerance: { rel: 0.1 } },
    ])
  );
  assertEquals(bundles.length, 1);
  const emitted = bundles[0][CLAIM_MIME] as ClaimRecord[];
  assertEquals(emitted.map((r) => [r.name, r.passed]), [["good", true], ["bad", false]]);
  assert(String(bundles[0]["text/html"]).includes("✗ FAIL"));
  assert(String(bundles[0]["text/plain"]).includes("✗ FAIL  bad: measured 2, predicted 1"));
  const single = await captureDisplays(() =>
    claim({ ...base, measured: 3, predicted: 3, tolerance: { abs: 0.5 } })
  );
  assert((single.bundles[0][CLAIM_MIME] as ClaimRecord[])[0].passed);
});

Deno.test("fmt() keeps four significant digits and switches to exponents for tiny or huge values", () => {
  assertEquals(fmt(0.123456), "0.1235");
  assertEquals(fmt(1.5e-7), "1.50e-7");
  assertEquals(fmt(123456789), "1.23e+8");
  assertEquals(fmt(0), "0");
});

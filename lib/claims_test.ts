import { assert, assertEquals, assertThrows } from "./_assert.ts";
import { captureDisplays } from "./display.ts";
import {
  claim,
  CLAIM_MIME,
  type ClaimInput,
  type ClaimRecord,
  claims,
  evaluateClaim,
  fmt,
  SETUP_MIME,
  setupCheck,
} from "./claims.ts";

const base = { name: "x", citation: "test", noRival: "an identity" };

Deno.test("evaluateClaim() applies each kind of tolerance, at and just past its edge", () => {
  assert(evaluateClaim({ ...base, measured: 1.0001, predicted: 1, tolerance: { rel: 1e-4 + 1e-12 } }).passed);
  assert(!evaluateClaim({ ...base, measured: 1.0002, predicted: 1, tolerance: { rel: 1e-4 } }).passed);
  assert(evaluateClaim({ ...base, measured: 0.03, predicted: 0, tolerance: { abs: 0.03 } }).passed);
  assert(!evaluateClaim({ ...base, measured: -0.031, predicted: 0, tolerance: { abs: 0.03 } }).passed);
  assert(evaluateClaim({ ...base, measured: 5, predicted: 5, tolerance: { atLeast: true } }).passed);
  assert(!evaluateClaim({ ...base, measured: 4.9, predicted: 5, tolerance: { atLeast: true } }).passed);
  assert(!evaluateClaim({ ...base, measured: 5.1, predicted: 5, tolerance: { atMost: true } }).passed);
});

Deno.test("evaluateClaim() calls a two-sided tolerance a prediction and a one-sided one a bound", () => {
  const p = evaluateClaim({ ...base, measured: 1.02, predicted: 1, tolerance: { rel: 0.04 } });
  assertEquals([p.kind, p.margin], ["prediction", null]);
  assert(Math.abs(p.toleranceUsed! - 0.5) < 1e-12, "0.02 of a 0.04 band is half the band");
  const b = evaluateClaim({ ...base, measured: 6, predicted: 5, tolerance: { atLeast: true } });
  assertEquals([b.kind, b.toleranceUsed], ["bound", null]);
  assert(Math.abs(b.margin! - 0.2) < 1e-12, "6 is 20% beyond a lower bound of 5");
});

Deno.test("evaluateClaim() fails a measurement that is not a finite number", () => {
  assert(!evaluateClaim({ ...base, measured: NaN, predicted: 1, tolerance: { rel: 1 } }).passed);
  assert(!evaluateClaim({ ...base, measured: Infinity, predicted: 1, tolerance: { atLeast: true } }).passed);
});

Deno.test("a prediction's rival fails when the measurement lies outside the claim's band around it", () => {
  const input: ClaimInput = {
    name: "slope",
    citation: "test",
    measured: -0.74,
    predicted: -0.75,
    tolerance: { abs: 0.1 },
    rivals: [{ name: "N^-1/2", predicted: -0.5 }, { name: "N^-1", predicted: -1 }],
  };
  const r = evaluateClaim(input);
  assert(r.held && r.discriminates && r.passed);
  assertEquals(r.rivals.map((x) => x.passed), [false, false]);
  assert(Math.abs(r.rivals[0].resolution - 2.4) < 1e-9, "|−0.74 + 0.5| / 0.1 = 2.4 bands");
  const close = evaluateClaim({ ...input, rivals: [{ name: "−0.7", predicted: -0.7 }] });
  assert(close.held && !close.discriminates && !close.passed, "a rival inside the band: not discriminating");
});

Deno.test("a bound's rival passes when its own value satisfies the bound", () => {
  const input: ClaimInput = {
    name: "delay",
    citation: "test",
    measured: 12,
    predicted: 5,
    tolerance: { atLeast: true },
    rivals: [{ name: "no delay", predicted: 1 }],
  };
  const r = evaluateClaim(input);
  assert(r.passed);
  assert(Math.abs(r.rivals[0].resolution - 0.8) < 1e-12, "1 lies 80% of the bound below it");
  const weak = evaluateClaim({ ...input, rivals: [{ name: "a 6× delay", predicted: 6 }] });
  assert(weak.held && !weak.passed, "a rival that meets the bound is not ruled out by it");
});

Deno.test("a claim with no rival and no reason does not pass", () => {
  const r = evaluateClaim({ name: "x", citation: "c", measured: 1, predicted: 1, tolerance: { rel: 0.1 } });
  assert(r.held && !r.discriminates && !r.passed);
});

Deno.test("evaluateClaim() rejects a claim without a name, a citation, a positive tolerance, or with a band", () => {
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
    () =>
      evaluateClaim({
        ...base,
        measured: 1,
        predicted: 1,
        tolerance: { between: [0, 2] } as unknown as ClaimInput["tolerance"],
      }),
    RangeError,
    "not a claim kind",
  );
  assertThrows(
    () => evaluateClaim({ ...base, noRival: " ", measured: 1, predicted: 1, tolerance: { rel: 1 } }),
    RangeError,
    "noRival must say why",
  );
});

Deno.test("claims() shows one table with visible FAIL and DOES NOT DISCRIMINATE rows and emits every record", async () => {
  const { bundles } = await captureDisplays(() =>
    claims([
      { ...base, name: "good", measured: 1, predicted: 1, tolerance: { rel: 0.1 } },
      { ...base, name: "bad", measured: 2, predicted: 1, tolerance: { rel: 0.1 } },
      {
        name: "blind",
        citation: "c",
        measured: 1,
        predicted: 1,
        tolerance: { rel: 0.1 },
        rivals: [{ name: "1.05", predicted: 1.05 }],
      },
    ])
  );
  assertEquals(bundles.length, 1);
  const emitted = bundles[0][CLAIM_MIME] as ClaimRecord[];
  assertEquals(emitted.map((r) => [r.name, r.passed]), [["good", true], ["bad", false], ["blind", false]]);
  const html = String(bundles[0]["text/html"]);
  assert(html.includes("✗ FAIL") && html.includes("DOES NOT DISCRIMINATE"));
  assert(String(bundles[0]["text/plain"]).includes("✗ FAIL  bad (prediction): measured 2, predicted 1"));
  const single = await captureDisplays(() =>
    claim({ ...base, measured: 3, predicted: 3, tolerance: { abs: 0.5 } })
  );
  assert((single.bundles[0][CLAIM_MIME] as ClaimRecord[])[0].passed);
});

Deno.test("setupCheck() shows a held condition apart from claims and raises on one that fails", async () => {
  const ok = await captureDisplays(() => setupCheck("below the edge", { holds: true, detail: "3 < 9" }));
  assertEquals(ok.bundles[0][SETUP_MIME], { name: "below the edge", holds: true, detail: "3 < 9" });
  assertEquals(ok.bundles[0][CLAIM_MIME], undefined);
  let message = "";
  await captureDisplays(async () => {
    try {
      await setupCheck("below the edge", { holds: false, detail: "12 < 9" });
    } catch (e) {
      message = (e as Error).message;
    }
  });
  assert(message.includes("Setup check failed: below the edge (12 < 9)"), message);
});

Deno.test("fmt() shows integers exactly, else four significant digits, and exponents for tiny or huge values", () => {
  assertEquals(fmt(0.123456), "0.1235");
  assertEquals(fmt(11692), "11692");
  assertEquals(fmt(1.5e-7), "1.50e-7");
  assertEquals(fmt(123456789.5), "1.23e+8");
  assertEquals(fmt(0), "0");
});

Deno.test("a claim whose run diverged fails and says where, instead of showing a number", async () => {
  const r = evaluateClaim({
    ...base,
    measured: NaN,
    predicted: 1,
    tolerance: { rel: 0.1 },
    diverged: { step: 16, loss: Infinity },
  });
  assert(!r.passed);
  const { bundles } = await captureDisplays(() =>
    claims([{
      ...base,
      measured: 0.9,
      predicted: 1,
      tolerance: { rel: 0.1 },
      diverged: { step: 16, loss: 1e9 },
    }])
  );
  const text = String(bundles[0]["text/plain"]);
  assert(text.includes("✗ DIVERGED") && text.includes("diverged at step 16"), text);
});

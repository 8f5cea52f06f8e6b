import { assertEquals, assertThrows } from "../_assert.ts";
import { patchBank } from "../theory/local_score.ts";
import { calibrateCreativity, inkAndContrast, judgeCreativity, meanPatchDistance } from "./creativity.ts";

// Two 4×4 training "digits": a vertical and a horizontal bar.
const vertical = Float64Array.from({ length: 16 }, (_, p) => (p % 4 === 1 ? 1 : 0));
const horizontal = Float64Array.from({ length: 16 }, (_, p) => (Math.floor(p / 4) === 1 ? 1 : 0));
const train = { x: Float64Array.from([...vertical, ...horizontal]), n: 2, d: 16 };
const bank = patchBank(train, { height: 4, width: 4, patch: 3 });
const one = (x: ArrayLike<number>) => ({ x: Float64Array.from(x), n: 1, d: 16 });

Deno.test("inkAndContrast() gives the mean pixel and the pixel standard deviation", () => {
  const { ink, contrast } = inkAndContrast({ x: Float64Array.from([0, 1, 0, 1, 2, 2, 2, 2]), n: 2, d: 4 });
  assertEquals(Array.from(ink), [0.5, 2]);
  assertEquals(Array.from(contrast), [0.5, 0]);
});

Deno.test("meanPatchDistance() is zero on a training image and positive on its negative", () => {
  assertEquals(meanPatchDistance(one(vertical), bank)[0], 0);
  if (!(meanPatchDistance(one(vertical.map((v) => 1 - v)), bank)[0] > 0.5)) {
    throw new Error("negative is far");
  }
});

Deno.test("judgeCreativity() passes a new mosaic of training patches and fails each null generator", () => {
  // A vertical bar in another column: new (far from both), made of patches of the vertical bar.
  const bar = (column: number) => Float64Array.from({ length: 16 }, (_, p) => (p % 4 === column ? 1 : 0));
  const shifted = bar(2);
  const criteria = calibrateCreativity(train, { x: Float64Array.from([...bar(2), ...bar(3)]), n: 2, d: 16 }, {
    bank,
  });
  assertEquals(criteria.ink, [0.25, 0.25]);
  const judge = (x: ArrayLike<number>) => judgeCreativity(one(x), train, { bank, criteria }).fractions;
  assertEquals(judge(shifted), { new: 1, local: 1, ink: 1, contrast: 1, creative: 1 });
  assertEquals(judge(vertical).new, 0); // memorized
  assertEquals(judge(new Float64Array(16)).ink, 0); // blank
  const mean = vertical.map((v, p) => (v + horizontal[p]) / 2);
  assertEquals(judge(mean).creative, 0); // the mean image
});

Deno.test("calibrateCreativity() refuses a single reference image, a patch sample of one, and a quantile outside (0, 1]", () => {
  assertThrows(() => calibrateCreativity(train, one(vertical), { bank }), RangeError, "at least 2");
  assertThrows(
    () => calibrateCreativity(train, train, { bank, patchQuantile: 0 }),
    RangeError,
    "patchQuantile",
  );
  assertThrows(() => calibrateCreativity(train, train, { bank, patchSample: 1 }), RangeError, "patchSample");
});

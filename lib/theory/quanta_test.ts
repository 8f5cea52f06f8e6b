import { assert, assertClose, assertThrows } from "../_assert.ts";
import { quantaDataLoss, quantaExponents, quantaFrequencies, quantaLoss, zipfTail } from "./quanta.ts";

Deno.test("zipfTail() gives ζ(2) = π²/6, ζ(4) = π⁴/90, and sheds exactly the first n terms", () => {
  assertClose(zipfTail(2, 0), Math.PI ** 2 / 6, 1e-14);
  assertClose(zipfTail(4, 0), Math.PI ** 4 / 90, 1e-14);
  let head = 0;
  for (let k = 1; k <= 1000; k++) head += k ** -1.5;
  assertClose(zipfTail(1.5, 1000), zipfTail(1.5, 0) - head, 1e-12);
  assertThrows(() => zipfTail(1, 0), RangeError, "s > 1");
});

Deno.test("quantaLoss() is the unlearned Zipf mass and falls as N^−α", () => {
  const p = quantaFrequencies(10, { alpha: 1 });
  assertClose(quantaLoss(3, { alpha: 1 }), 1 - p[0] - p[1] - p[2], 1e-14);
  const slope = Math.log(quantaLoss(20_000, { alpha: 0.5 }) / quantaLoss(10_000, { alpha: 0.5 })) /
    Math.log(2);
  assertClose(slope, -quantaExponents(0.5).size, 1e-3);
  assertClose(quantaExponents(0.5).data, 1 / 3, 1e-15);
});

Deno.test("quantaDataLoss() with one quantum and threshold 1 is 1 − p₁(1 − (1 − p₁)^D)", () => {
  const p1 = quantaFrequencies(1, { alpha: 1 })[0];
  assertClose(quantaDataLoss(7, { alpha: 1, threshold: 1, quanta: 1 }), 1 - p1 * (1 - (1 - p1) ** 7), 1e-14);
  // Threshold 2: Pr[Bin(D, p) ≥ 2] = 1 − (1−p)^D − D p (1−p)^(D−1).
  const q = 1 - p1;
  assertClose(
    quantaDataLoss(7, { alpha: 1, threshold: 2, quanta: 1 }),
    1 - p1 * (1 - q ** 7 - 7 * p1 * q ** 6),
    1e-14,
  );
  assert(
    quantaDataLoss(1e6, { alpha: 1, threshold: 5, quanta: 1000 }) <
      quantaDataLoss(1e4, { alpha: 1, threshold: 5, quanta: 1000 }),
  );
});

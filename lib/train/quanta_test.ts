import { assert, assertClose, assertEquals } from "../_assert.ts";
import { quantaDataLoss, quantaLoss } from "../theory/quanta.ts";
import { quantaModelLoss, sampleQuanta } from "./quanta.ts";

Deno.test("sampleQuanta() is reproducible and its data curve follows the expected loss", () => {
  const opts = { alpha: 0.5, quanta: 20_000, seed: 4, checkpoints: [10_000, 100_000], threshold: 3 };
  const a = sampleQuanta(100_000, opts), b = sampleQuanta(100_000, opts);
  assertEquals(Array.from(a.counts.subarray(0, 50)), Array.from(b.counts.subarray(0, 50)));
  a.dataCurve.samples.forEach((d, i) => {
    const expected = quantaDataLoss(d, { alpha: 0.5, threshold: 3, quanta: 20_000 });
    assertClose(a.dataCurve.loss[i] / expected, 1, 0.03, `D = ${d}`);
  });
});

Deno.test("quantaModelLoss() with plenty of data learns exactly the N most frequent quanta", () => {
  const sample = sampleQuanta(2_000_000, { alpha: 1, quanta: 5000, seed: 9 });
  for (const n of [1, 5, 20]) {
    assertClose(quantaModelLoss(sample, { capacity: n }), quantaLoss(n, { alpha: 1 }), 1e-12);
  }
  assert(
    quantaModelLoss(sample, { capacity: 20, threshold: 10 ** 9 }) === 1,
    "a quantum never seen enough is never learned",
  );
});

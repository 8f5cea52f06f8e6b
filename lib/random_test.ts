import { assert, assertEquals, assertThrows } from "./_assert.ts";
import { rng } from "./random.ts";

Deno.test("rng() gives the same numbers for the same seed and different ones for another", () => {
  assertEquals(Array.from(rng(3).normals(5)), Array.from(rng(3).normals(5)));
  assert(rng(3).uniform() !== rng(4).uniform());
});

Deno.test("rng().normal() has mean 0 and variance 1 within sampling error", () => {
  const n = 200_000;
  const x = rng(11).normals(n);
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  // Standard errors: 1/sqrt(n) ≈ 0.0022 for the mean, sqrt(2/n) ≈ 0.0032 for the variance; allow 5 of them.
  assert(Math.abs(mean) < 5 / Math.sqrt(n), `mean ${mean}`);
  assert(Math.abs(variance - 1) < 5 * Math.sqrt(2 / n), `variance ${variance}`);
});

Deno.test("rng().uniform() stays in [0, 1) and permutation() is a permutation", () => {
  const r = rng(0);
  for (let i = 0; i < 10_000; i++) {
    const u = r.uniform();
    assert(u >= 0 && u < 1);
  }
  assertEquals(r.permutation(50).sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i));
  assertEquals(new Set(r.choice(10, 10)).size, 10);
});

Deno.test("rng() rejects a seed that is not finite and choice() more than it can draw", () => {
  assertThrows(() => rng(NaN), RangeError, "expected a finite number, got NaN");
  assertThrows(() => rng(1).choice(3, 4), RangeError, "cannot draw 4 distinct indices from 3");
});

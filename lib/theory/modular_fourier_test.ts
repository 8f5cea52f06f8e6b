import { assert, assertClose, assertThrows } from "../_assert.ts";
import { fourierPowerShare } from "../measure/fourier.ts";
import { modularAccuracy, modularMlpForward } from "../models/modular_mlp.ts";
import { rng } from "../random.ts";
import { fourierModularNetwork, randomFourierShare } from "./modular_fourier.ts";

Deno.test("fourierModularNetwork() outputs exactly 9/(2·width) Σ_k cos(2πk(a+b−c)/p)", () => {
  const p = 11, frequencies = [2, 5];
  const net = fourierModularNetwork(p, { frequencies, width: 20 });
  const pairs = Int32Array.from({ length: p * p }, (_, i) => i);
  const out = modularMlpForward(net, pairs);
  pairs.forEach((q, i) => {
    const a = Math.floor(q / p), b = q % p;
    for (let c = 0; c < p; c++) {
      const f = frequencies.reduce((s, k) => s + Math.cos((2 * Math.PI * k * (a + b - c)) / p), 0) * 9 /
        (2 * 20);
      assertClose(out[i * p + c], f, 1e-12);
    }
  });
});

Deno.test("fourierModularNetwork() classifies every pair for several primes and frequency sets", () => {
  for (const [p, freqs] of [[5, [1]], [13, [4, 6]], [23, [1, 2, 3, 4, 5, 6, 7]]] as const) {
    const net = fourierModularNetwork(p, { frequencies: [...freqs] });
    assertClose(modularAccuracy(net, Int32Array.from({ length: p * p }, (_, i) => i)), 1, 0);
    const W = Array.from(
      { length: p },
      (_, a) => Array.from(net.W1.subarray(a * net.width, (a + 1) * net.width)),
    );
    assert(
      fourierPowerShare(W, p).slice(0, 9 * freqs.length).every((s) => Math.abs(s - 1) < 1e-12),
      "pure waves",
    );
  }
});

Deno.test("randomFourierShare() matches the share of Gaussian weights (Monte Carlo) and H_K/K", () => {
  const p = 23, K = 11, r = rng(3);
  const { mean, median, cdf } = randomFourierShare(p);
  let h = 0;
  for (let j = 1; j <= K; j++) h += 1 / j;
  assertClose(mean, h / K, 1e-15);
  const columns = 4000;
  const W = Array.from({ length: p }, () => Array.from(r.normals(columns)));
  const s = Array.from(fourierPowerShare(W, p)).sort((x, y) => x - y);
  const mcMean = s.reduce((a, b) => a + b, 0) / columns;
  assertClose(mcMean, mean, 0.006); // σ ≈ 0.07/√4000 ≈ 0.0011: five standard errors
  assertClose(s[columns / 2], median, 0.01);
  assertClose(s.filter((v) => v <= 0.3).length / columns, cdf(0.3), 0.03);
  // The CDF integrates to the mean: E s = ∫ (1 − F).
  let integral = 0;
  for (let x = 0; x < 1; x += 1e-4) integral += (1 - cdf(x + 5e-5)) * 1e-4;
  assertClose(integral, mean, 1e-6);
});

Deno.test("the Fourier theory rejects even or tiny moduli and impossible widths, naming the value", () => {
  assertThrows(() => randomFourierShare(10), RangeError, "got 10");
  assertThrows(() => fourierModularNetwork(7, { width: 5 }), RangeError, "width 5");
  assertThrows(() => fourierModularNetwork(7, { frequencies: [4] }), RangeError, "got 4");
});

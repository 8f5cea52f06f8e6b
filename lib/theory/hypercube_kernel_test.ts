import { assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { eigh } from "../linalg/eigh.ts";
import { binomial, hypercubeEigenvalues, hypercubeMultiplicities, krawtchouk } from "./hypercube_kernel.ts";

Deno.test("hypercubeEigenvalues() gives cosh^(d−k) sinh^k for the product kernel exp(a·x·x')", () => {
  // exp(a x·x') = Π_i (cosh a + x_i x'_i sinh a), so the degree-k parity has eigenvalue cosh(a)^(d−k) sinh(a)^k.
  const d = 9, a = 0.3;
  const lam = hypercubeEigenvalues((t) => Math.exp(a * d * t), d);
  for (let k = 0; k <= d; k++) {
    assertClose(lam[k], Math.cosh(a) ** (d - k) * Math.sinh(a) ** k, 1e-13, `k = ${k}`);
  }
});

Deno.test("hypercubeEigenvalues() with multiplicities is the spectrum of the full kernel matrix divided by 2^d", () => {
  const d = 5, N = 2 ** d;
  const g = (t: number) => Math.exp(-Math.sqrt(2 * (1 - t)));
  const points = Array.from(
    { length: N },
    (_, v) => Array.from({ length: d }, (_, i) => ((v >> i) & 1 ? -1 : 1)),
  );
  const K = points.map((x) => points.map((y) => g(x.reduce((s, xi, i) => s + xi * y[i], 0) / d) / N));
  const lam = hypercubeEigenvalues(g, d), m = hypercubeMultiplicities(d);
  const expected = Array.from(lam).flatMap((l, k) => Array.from({ length: m[k] }, () => l)).sort((a, b) =>
    b - a
  );
  const got = eigh(K).values;
  for (let i = 0; i < N; i++) assertClose(got[i], expected[i], 1e-12, `eigenvalue ${i}`);
});

Deno.test("binomial(), krawtchouk() and multiplicities satisfy their identities", () => {
  assertEquals(binomial(10, 5), 252);
  assertEquals(binomial(3, -1), 0);
  assertEquals(hypercubeMultiplicities(10).reduce((s, v) => s + v, 0), 1024);
  // K_k(j) is the sum of χ_S(z) over the points z with j coordinates −1, for S = the first k coordinates.
  const d = 6;
  for (let k = 0; k <= d; k++) {
    const S = (1 << k) - 1;
    for (let j = 0; j <= d; j++) {
      let s = 0;
      for (let z = 0; z < 2 ** d; z++) {
        const ones = z.toString(2).split("").filter((c) => c === "1").length;
        const overlap = (z & S).toString(2).split("").filter((c) => c === "1").length;
        if (ones === j) s += overlap % 2 ? -1 : 1;
      }
      assertEquals(krawtchouk(k, j, d), s, `K_${k}(${j})`);
    }
  }
  assertThrows(() => hypercubeEigenvalues((t) => t, 0), RangeError, "1 ≤ d ≤ 30, got 0");
  assertThrows(() => hypercubeEigenvalues((t) => 1 / (t + 1), 2), RangeError, "is not finite");
});

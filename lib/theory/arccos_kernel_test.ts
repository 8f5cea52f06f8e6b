import { assertClose, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { reluNtk } from "./arccos_kernel.ts";

Deno.test("reluNtk() matches Monte-Carlo expectations over a wide random ReLU layer", () => {
  // Σ² and Σ̇² by sampling: z = (σ/√d) w·x with w ~ N(0, I); Σ² = σ² E[relu(z) relu(z')], Θ = Σ² + σ² E[1 1'] Σ¹.
  const d = 3, x = [1, -0.5, 1.2], y = [0.2, 1, -0.7], s2 = 2;
  const r = rng(9);
  let relu = 0, gate = 0;
  const M = 400000;
  for (let m = 0; m < M; m++) {
    const w = r.normals(d);
    const zx = Math.sqrt(s2 / d) * (w[0] * x[0] + w[1] * x[1] + w[2] * x[2]);
    const zy = Math.sqrt(s2 / d) * (w[0] * y[0] + w[1] * y[1] + w[2] * y[2]);
    relu += Math.max(0, zx) * Math.max(0, zy) / M;
    gate += (zx > 0 && zy > 0 ? 1 : 0) / M;
  }
  const sigma1 = s2 * (x[0] * y[0] + x[1] * y[1] + x[2] * y[2]) / d;
  const { ntk, nngp } = reluNtk([x], [y], { bias: false });
  assertClose(nngp[0][0], s2 * relu, 0.01);
  assertClose(ntk[0][0], s2 * relu + s2 * gate * sigma1, 0.01);
});

Deno.test("reluNtk() has the exact limits: depth 1 is linear, σ² = 2 preserves the diagonal, biases add one per layer", () => {
  const x = [[1, 2, -1], [0.5, 0, 3]];
  const lin = reluNtk(x, x, { depth: 1, bias: false }).ntk;
  assertClose(lin[0][1], 2 * (0.5 - 3) / 3, 1e-15);
  for (const depth of [2, 3, 5]) {
    const q = 2 * (1 + 4 + 1) / 3;
    const { ntk, nngp } = reluNtk(x, x, { depth, bias: false });
    assertClose(nngp[0][0], q, 1e-12, "Σˡ(x, x) = Σ¹(x, x)");
    assertClose(ntk[0][0], depth * q, 1e-12, "Θᴸ(x, x) = L Σ¹(x, x) when Σ̇ = 1 on the diagonal");
    assertClose(
      reluNtk(x, x, { depth, bias: true }).ntk[0][0],
      depth * q + depth,
      1e-12,
      "each layer adds β = 1",
    );
  }
  assertThrows(() => reluNtk([[1, 2]], [[1, 2, 3]]), RangeError, "same input dimension, got 2 and 3");
  assertThrows(() => reluNtk(x, x, { depth: 0 }), RangeError, "depth ≥ 1, got 0");
});

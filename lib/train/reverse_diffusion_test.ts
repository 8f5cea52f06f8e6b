import { assertClose, assertEquals, assertRejects, assertThrows } from "../_assert.ts";
import { ddimStep, noiseSchedule, reverseDiffusion } from "./reverse_diffusion.ts";

Deno.test("noiseSchedule() spaces the noise-to-signal ratio evenly in log and refuses bad ranges", () => {
  const ab = noiseSchedule(5, { nuMax: 1e2, nuMin: 1e-2 });
  const nu = Array.from(ab, (a) => (1 - a) / a);
  for (let t = 0; t < 5; t++) assertClose(nu[t], 10 ** (2 - t), 1e-12);
  assertThrows(() => noiseSchedule(1), RangeError, "expected steps ≥ 2, got 1");
  assertThrows(() => noiseSchedule(4, { nuMax: 1, nuMin: 2 }), RangeError, "expected nuMax > nuMin > 0");
});

Deno.test("ddimStep() keeps the noise it inferred: x_t' − √ᾱ' x̂0 is (x_t − √ᾱ x̂0) scaled by √((1 − ᾱ')/(1 − ᾱ))", () => {
  const x = [0.3, -1.2], x0 = [1, 2];
  const next = ddimStep(x, x0, 0.2, 0.7);
  for (let k = 0; k < 2; k++) {
    const before = (x[k] - Math.sqrt(0.2) * x0[k]) / Math.sqrt(0.8);
    const after = (next[k] - Math.sqrt(0.7) * x0[k]) / Math.sqrt(0.3);
    assertClose(after, before, 1e-14);
  }
  assertThrows(() => ddimStep([1], [1, 2], 0.5, 0.6), RangeError, "equal length, got 1 and 2");
});

Deno.test("reverseDiffusion() with the exact Gaussian denoiser reproduces the data variance as steps grow", async () => {
  // Data x0 ~ N(0, s²) per pixel: E[x0 | x_t] = √ᾱ s² x / (ᾱ s² + 1 − ᾱ). The probability-flow ODE maps the noise
  // distribution onto the data distribution; DDIM discretizes it, so the error shrinks with the number of steps.
  const s2 = 0.25;
  const denoiser = (x: Float64Array, ab: number) =>
    x.map((v) => (Math.sqrt(ab) * s2 * v) / (ab * s2 + 1 - ab));
  const variance = async (steps: number): Promise<number> => {
    const run = await reverseDiffusion(denoiser, {
      samples: 4000,
      d: 1,
      steps,
      seed: 1,
      nuMax: 1e4,
      nuMin: 1e-6,
    });
    return run.samples.reduce((a, v) => a + v * v, 0) / 4000;
  };
  const coarse = Math.abs((await variance(8)) / s2 - 1), fine = Math.abs((await variance(400)) / s2 - 1);
  // The start carries sampling error ~ √(2/4000) ≈ 2%; the remaining error must shrink with the steps.
  if (!(fine < 0.06 && fine < coarse)) {
    throw new Error(`relative variance error ${coarse} (8 steps), ${fine} (400 steps)`);
  }
});

Deno.test("reverseDiffusion() calls the denoiser once per step, noisiest first, and checks its output", async () => {
  const seen: number[] = [];
  const run = await reverseDiffusion((x, ab) => (seen.push(ab), x.map(() => 1)), {
    samples: 2,
    d: 3,
    steps: 4,
    seed: 0,
  });
  assertEquals(seen, Array.from(run.alphaBars));
  assertEquals(Array.from(run.samples), [1, 1, 1, 1, 1, 1]);
  await assertRejects(
    () => reverseDiffusion(() => new Float64Array(1), { samples: 2, d: 3, seed: 0 }),
    RangeError,
    "the denoiser returned 1 values for 6 inputs",
  );
});

import { assertEquals, assertThrows } from "../_assert.ts";
import { divergenceText, divergenceWatch } from "./_divergence.ts";

Deno.test("a run whose loss stays finite and bounded does not diverge", () => {
  const watch = divergenceWatch();
  for (let t = 0; t < 100; t++) watch.check(t, Math.exp(-t) + 10 * Math.sin(t) ** 2);
  assertEquals(watch.divergence, undefined);
});

Deno.test("a NaN or infinite loss diverges at its step, and the first divergence is kept", () => {
  const watch = divergenceWatch();
  assertEquals([0.5, 0.4, NaN, Infinity].map((l, t) => watch.check(t, l)), [false, false, true, true]);
  assertEquals(watch.divergence?.step, 2);
  assertEquals(Number.isNaN(watch.divergence?.loss), true);
  assertEquals(divergenceText(watch.divergence!), "diverged at step 2 (loss NaN)");
});

Deno.test("an exploding loss diverges once it exceeds factor × the first finite loss", () => {
  const watch = divergenceWatch({ factor: 100 });
  [2, 150, 199, 201, 1].forEach((l, t) => watch.check(t, l));
  assertEquals(watch.divergence, { diverged: true, step: 3, loss: 201 });
});

Deno.test("a zero first loss does not make every later loss explode", () => {
  const watch = divergenceWatch();
  [0, 0, 1e-20, 1e-15].forEach((l, t) => watch.check(t, l));
  assertEquals(watch.divergence, undefined); // the scale is the first nonzero loss, 1e-20
  watch.check(4, 1e-13);
  assertEquals(watch.divergence?.step, 4);
});

Deno.test("divergenceWatch() refuses a factor that is not above 1", () => {
  assertThrows(() => divergenceWatch({ factor: 1 }), RangeError, "factor must be > 1, got 1");
});

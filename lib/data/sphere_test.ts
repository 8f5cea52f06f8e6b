import { assertClose, assertThrows } from "../_assert.ts";
import { greatCircle, spherePoints } from "./sphere.ts";

Deno.test("spherePoints() lie on the sphere of radius √d and are centred on average", () => {
  const X = spherePoints(2000, 5, { seed: 1 });
  for (const x of X) assertClose(x.reduce((s, v) => s + v * v, 0), 5, 1e-12);
  for (let i = 0; i < 5; i++) {
    assertClose(X.reduce((s, x) => s + x[i], 0) / 2000, 0, 0.1, `mean of coordinate ${i}`);
  }
});

Deno.test("greatCircle() points have overlap cos γ with the first point", () => {
  const { angles, points } = greatCircle(7, 6, { seed: 2 });
  points.forEach((x, k) => {
    assertClose(x.reduce((s, v) => s + v * v, 0), 6, 1e-12);
    assertClose(x.reduce((s, v, i) => s + v * points[0][i], 0) / 6, Math.cos(angles[k]), 1e-12);
  });
  assertThrows(() => greatCircle(3, 1, { seed: 0 }), RangeError, "d ≥ 2, got n = 3, d = 1");
});

import { assertClose, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { linearizedGd } from "./linearized.ts";

Deno.test("linearizedGd() reproduces gradient descent on a linear model step for step", () => {
  // f(θ, x) = φ(x)·θ is its own linearization, with NTK K = Φ Φᵀ. Run GD on ½ mean (f − y)² explicitly.
  const r = rng(7);
  const n = 6, m = 4, P = 10;
  const phi = Array.from({ length: n + m }, () => Array.from(r.normals(P)));
  const theta = Array.from(r.normals(P));
  const y = Array.from(r.normals(n));
  const f = (th: number[], row: number[]) => row.reduce((s, v, p) => s + v * th[p], 0);
  const f0 = phi.map((row) => f(theta, row));
  const K = phi.slice(0, n).map((a) => phi.slice(0, n).map((b) => f(a, b)));
  const Kcross = phi.slice(n).map((a) => phi.slice(0, n).map((b) => f(a, b)));
  const eta = 0.05, steps = 37;
  const th = [...theta];
  for (let t = 0; t < steps; t++) {
    const res = phi.slice(0, n).map((row, i) => f(th, row) - y[i]);
    for (let p = 0; p < P; p++) th[p] -= (eta / n) * res.reduce((s, ri, i) => s + ri * phi[i][p], 0);
  }
  const pred = linearizedGd(K, Kcross, { f0Train: f0.slice(0, n), f0Test: f0.slice(n), y, eta, steps });
  for (let i = 0; i < n; i++) assertClose(pred.train[i], f(th, phi[i]), 1e-10, `train ${i}`);
  for (let a = 0; a < m; a++) assertClose(pred.test[a], f(th, phi[n + a]), 1e-10, `test ${a}`);
});

Deno.test("linearizedGd() handles a singular NTK (null modes never move) and rejects an unstable rate", () => {
  // K = [[1, 1], [1, 1]] has a null mode (1, −1)/√2; the residual along it stays.
  const p = linearizedGd([[1, 1], [1, 1]], [[1, 1]], {
    f0Train: [0, 0],
    f0Test: [0],
    y: [1, -1],
    eta: 0.5,
    steps: 50,
  });
  assertClose(p.train[0], 0, 1e-12);
  assertClose(p.train[1], 0, 1e-12);
  assertThrows(
    () => linearizedGd([[4]], [[1]], { f0Train: [0], f0Test: [0], y: [1], eta: 0.6, steps: 1 }),
    RangeError,
    "unstable",
  );
});

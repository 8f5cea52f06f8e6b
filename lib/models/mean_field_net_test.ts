import { assertClose, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import {
  initMeanFieldNet,
  meanFieldForward,
  meanFieldGradients,
  type MeanFieldNet,
} from "./mean_field_net.ts";

function clone(net: MeanFieldNet): MeanFieldNet {
  return { ...net, W: net.W.slice(), b: net.b.slice(), a: net.a.slice() };
}

Deno.test("meanFieldGradients() matches central finite differences for every parameter", () => {
  const d = 4, net = initMeanFieldNet(d, { width: 5, seed: 2, outputScale: 1 });
  const r = rng(3);
  const x = r.normals(6 * d), y = r.normals(6);
  const g = meanFieldGradients(net, x, y);
  const eps = 1e-6;
  for (const key of ["W", "b", "a"] as const) {
    for (let k = 0; k < net[key].length; k++) {
      const plus = clone(net), minus = clone(net);
      plus[key][k] += eps;
      minus[key][k] -= eps;
      const fd = (meanFieldGradients(plus, x, y).loss - meanFieldGradients(minus, x, y).loss) / (2 * eps);
      assertClose(g[key][k], fd, 1e-7, `${key}[${k}]`);
    }
  }
});

Deno.test("meanFieldForward() averages a_j relu(w_j·x + b_j) over the neurons, and the loss is ½-MSE", () => {
  const net = initMeanFieldNet(3, { width: 4, seed: 1, outputScale: 1 });
  const x = new Float64Array([1, -1, 1]);
  let f = 0;
  for (let j = 0; j < 4; j++) {
    const z = net.b[j] + net.W[3 * j] - net.W[3 * j + 1] + net.W[3 * j + 2];
    f += net.a[j] * Math.max(0, z);
  }
  assertClose(meanFieldForward(net, x)[0], f / 4, 1e-14);
  assertClose(meanFieldGradients(net, x, [2]).loss, 0.5 * (f / 4 - 2) ** 2, 1e-14);
});

Deno.test("the mean-field net rejects inputs whose length is not a multiple of d, naming it", () => {
  const net = initMeanFieldNet(3, { seed: 0 });
  assertThrows(() => meanFieldForward(net, new Float64Array(4)), RangeError, "got 4");
  assertThrows(() => meanFieldGradients(net, new Float64Array(3), [1, 2]), RangeError, "got 2");
  assertThrows(() => initMeanFieldNet(0, { seed: 0 }), RangeError, "d = 0");
});

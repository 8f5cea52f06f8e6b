import { assert, assertClose, assertThrows } from "../_assert.ts";
import { modularLabel } from "../data/modular.ts";
import {
  initModularMlp,
  modularAccuracy,
  type ModularMlp,
  modularMlpForward,
  modularMlpGradients,
} from "./modular_mlp.ts";

function clone(net: ModularMlp): ModularMlp {
  return { ...net, W1: net.W1.slice(), W2: net.W2.slice() };
}

Deno.test("modularMlpForward() computes (W1[a] + W1[p+b])² W2 / width entry by entry", () => {
  const p = 5, width = 3;
  const net = initModularMlp(p, { width, seed: 4 });
  const pairs = new Int32Array([0, 7, 24, 13]);
  const out = modularMlpForward(net, pairs);
  pairs.forEach((q, i) => {
    const a = Math.floor(q / p), b = q % p;
    for (let c = 0; c < p; c++) {
      let f = 0;
      for (let k = 0; k < width; k++) {
        f += (net.W1[a * width + k] + net.W1[(p + b) * width + k]) ** 2 * net.W2[k * p + c];
      }
      assertClose(out[i * p + c], f / width, 1e-12);
    }
  });
});

Deno.test("modularMlpGradients() matches central finite differences for every weight", () => {
  const p = 5, net = initModularMlp(p, { width: 6, seed: 1 });
  const pairs = new Int32Array([1, 3, 8, 12, 19, 24, 6]);
  const g = modularMlpGradients(net, pairs);
  const eps = 1e-6;
  for (const key of ["W1", "W2"] as const) {
    for (let k = 0; k < net[key].length; k++) {
      const plus = clone(net), minus = clone(net);
      plus[key][k] += eps;
      minus[key][k] -= eps;
      const fd = (modularMlpGradients(plus, pairs).loss - modularMlpGradients(minus, pairs).loss) / (2 * eps);
      assertClose(g[key][k], fd, 1e-7, `${key}[${k}]`);
    }
  }
});

Deno.test("modularMlpGradients() reports the ½-MSE loss and the same accuracy as modularAccuracy()", () => {
  const p = 7, net = initModularMlp(p, { width: 8, seed: 2 });
  const pairs = Int32Array.from({ length: p * p }, (_, i) => i);
  const out = modularMlpForward(net, pairs);
  let loss = 0;
  pairs.forEach((q, i) => {
    for (let c = 0; c < p; c++) loss += (out[i * p + c] - (c === modularLabel(q, p) ? 1 : 0)) ** 2;
  });
  const g = modularMlpGradients(net, pairs);
  assertClose(g.loss, loss / (2 * pairs.length), 1e-12);
  assertClose(g.accuracy, modularAccuracy(net, pairs), 0);
});

Deno.test("the modular MLP rejects pairs outside 0..p²−1 and bad sizes, naming the value", () => {
  const net = initModularMlp(3, { width: 2, seed: 0 });
  assertThrows(() => modularMlpForward(net, new Int32Array([9])), RangeError, "got 9");
  assertThrows(() => initModularMlp(1, { seed: 0 }), RangeError, "got 1");
  assertThrows(() => initModularMlp(5, { seed: 0, width: 0 }), RangeError, "got 0");
  assertThrows(() => modularMlpGradients(net, new Int32Array(0)), RangeError, "none");
});

Deno.test("initModularMlp() is deterministic in its seed", () => {
  const a = initModularMlp(5, { seed: 3 }),
    b = initModularMlp(5, { seed: 3 }),
    c = initModularMlp(5, { seed: 4 });
  assert(a.W1.every((v, i) => v === b.W1[i]) && a.W2.every((v, i) => v === b.W2[i]));
  assert(a.W1.some((v, i) => v !== c.W1[i]));
});

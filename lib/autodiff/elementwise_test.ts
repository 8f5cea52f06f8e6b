import * as tf from "@tensorflow/tfjs-core";
import { assert, assertThrows } from "../_assert.ts";
import { type BackendName, initBackend } from "../backend.ts";
import { exp, sigmoid, softplus, tanh } from "./elementwise.ts";

const XS = [-2.1, -0.7, 0, 0.4, 1.3, 2.6];
type Fn = (x: tf.Tensor) => tf.Tensor;

/** The k-th derivative of an elementwise op at XS, by nesting tf.grad k times. */
function derivative(f: Fn, k: number): number[] {
  let g: Fn = f;
  for (let i = 0; i < k; i++) {
    const inner = g;
    g = (x) => tf.grad((z: tf.Tensor) => tf.sum(inner(z)))(x);
  }
  return tf.tidy(() => Array.from(g(tf.tensor1d(XS)).dataSync()));
}

function assertAllClose(actual: number[], expected: number[], tol: number, what: string): void {
  actual.forEach((a, i) => {
    assert(Math.abs(a - expected[i]) <= tol, `${what} at x = ${XS[i]}: expected ${expected[i]}, got ${a}`);
  });
}

const sig = (x: number) => 1 / (1 + Math.exp(-x));
/** Closed forms of f, f′, f″, f‴. */
const CLOSED: [string, Fn, Fn, ((x: number) => number)[]][] = [
  ["tanh", tanh, tf.tanh, [
    Math.tanh,
    (x) => 1 - Math.tanh(x) ** 2,
    (x) => -2 * Math.tanh(x) * (1 - Math.tanh(x) ** 2),
    (x) => -2 * (1 - Math.tanh(x) ** 2) * (1 - 3 * Math.tanh(x) ** 2),
  ]],
  ["sigmoid", sigmoid, tf.sigmoid, [
    sig,
    (x) => sig(x) * (1 - sig(x)),
    (x) => sig(x) * (1 - sig(x)) * (1 - 2 * sig(x)),
    (x) => sig(x) * (1 - sig(x)) * (1 - 6 * sig(x) + 6 * sig(x) ** 2),
  ]],
  ["exp", exp, tf.exp, [Math.exp, Math.exp, Math.exp, Math.exp]],
  ["softplus", softplus, tf.softplus, [
    (x) => Math.log1p(Math.exp(x)),
    sig,
    (x) => sig(x) * (1 - sig(x)),
    (x) => sig(x) * (1 - sig(x)) * (1 - 2 * sig(x)),
  ]],
];

for (const backend of ["wasm", "cpu"] as BackendName[]) {
  Deno.test(`tanh, sigmoid, exp and softplus equal tfjs's ops in value and first derivative (${backend})`, async () => {
    await initBackend({ prefer: [backend] });
    for (const [name, safe, builtin] of CLOSED) {
      assertAllClose(derivative(safe, 0), derivative(builtin, 0), 1e-7, `${name} value`);
      assertAllClose(derivative(safe, 1), derivative(builtin, 1), 1e-6, `${name}′`);
    }
  });

  Deno.test(`tanh, sigmoid, exp and softplus have their closed-form second and third derivatives (${backend})`, async () => {
    await initBackend({ prefer: [backend] });
    const before = tf.memory().numTensors;
    for (const [name, safe, , forms] of CLOSED) {
      for (let k = 0; k <= 3; k++) {
        const tol = 2e-6 * Math.max(1, ...XS.map((x) => Math.abs(forms[k](x))));
        assertAllClose(derivative(safe, k), XS.map(forms[k]), tol, `${name} derivative ${k}`);
      }
    }
    assert(tf.memory().numTensors === before, `leaked ${tf.memory().numTensors - before} tensors`);
  });
}

Deno.test("tf.tanh differentiated twice throws, and tf.tanh inside a product is silently wrong: why these ops exist", async () => {
  await initBackend({ prefer: ["cpu"] });
  // Σ tanh(x): the only path to the second derivative runs through the saved output, which is off the tape.
  assertThrows(() => derivative(tf.tanh, 2), Error, "Cannot compute gradient");
  // x·tanh(x): d²/dx² = 2(1 − t²) − 2x·t(1 − t²); tfjs drops the last term.
  const product = (t: Fn): Fn => (x) => tf.mul(x, t(x));
  const truth = XS.map((x) => {
    const t = Math.tanh(x);
    return 2 * (1 - t * t) - 2 * x * t * (1 - t * t);
  });
  assertAllClose(derivative(product(tanh), 2), truth, 1e-5, "safe (x·tanh x)″");
  const wrong = derivative(product(tf.tanh), 2);
  const offBy = Math.max(...wrong.map((w, i) => Math.abs(w - truth[i])));
  assert(offBy > 0.3, `tf.tanh's second derivative was expected to be wrong, but it is off by only ${offBy}`);
});

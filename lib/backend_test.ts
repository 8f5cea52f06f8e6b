import * as tf from "@tensorflow/tfjs-core";
import { MathBackendCPU } from "@tensorflow/tfjs-backend-cpu";
import { assert, assertEquals } from "./_assert.ts";
import { describeBackend, initBackend } from "./backend.ts";

Deno.test("initBackend() falls back to wasm when the native package is absent, and says why", async () => {
  const report = await initBackend({ prefer: ["tensorflow", "wasm", "cpu"] });
  assertEquals(report.backend, "wasm");
  assertEquals(tf.getBackend(), "wasm");
  assert(!report.tried[0].ok);
  assert(report.tried[0].reason.includes("not installed"), report.tried[0].reason);
  assert(describeBackend(report).startsWith("wasm (tfjs 4.22.0; tensorflow: "), describeBackend(report));
});

Deno.test("initBackend() selects a present native backend and verifies it is in use", async () => {
  let loaded = 0;
  const standIn = () => {
    loaded++;
    // Pretends to be @tensorflow/tfjs-node: registers a backend under its name.
    tf.registerBackend("tensorflow", () => new MathBackendCPU());
    for (const k of tf.getKernelsForBackend("cpu")) tf.registerKernel({ ...k, backendName: "tensorflow" });
    return Promise.resolve();
  };
  try {
    const report = await initBackend({ loadNative: standIn });
    assertEquals(loaded, 1);
    assertEquals(report.backend, "tensorflow");
    assertEquals(tf.getBackend(), "tensorflow");
    assertEquals(tf.add(tf.scalar(2), tf.scalar(3)).dataSync()[0], 5);
  } finally {
    for (const k of tf.getKernelsForBackend("tensorflow")) tf.unregisterKernel(k.kernelName, "tensorflow");
    tf.removeBackend("tensorflow");
    await initBackend({ prefer: ["wasm"] });
  }
});

Deno.test("initBackend() reports a native package that loads but registers nothing", async () => {
  const report = await initBackend({ loadNative: () => Promise.resolve(), prefer: ["tensorflow", "cpu"] });
  assertEquals(report.backend, "cpu");
  assert(report.tried[0].reason.includes('registered no "tensorflow" backend'), report.tried[0].reason);
  await initBackend({ prefer: ["wasm"] });
});

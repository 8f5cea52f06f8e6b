import * as tf from "@tensorflow/tfjs-core";
import { assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { initBackend } from "../backend.ts";
import { featureMovement } from "./feature_movement.ts";

Deno.test("featureMovement() is ‖after − before‖_F / ‖before‖_F", async () => {
  await initBackend();
  const before = tf.tensor2d([[1, 2], [2, 0]]); // ‖·‖ = 3
  const after = tf.tensor2d([[1, 4], [2, 0]]); // moved by 2
  const n = tf.memory().numTensors;
  assertClose(featureMovement(before, after), 2 / 3, 1e-7);
  assertEquals(featureMovement(before, before), 0);
  assertEquals(tf.memory().numTensors, n, "no tensor leaks");
  tf.dispose([before, after]);
});

Deno.test("featureMovement() is scale-free: rescaling both feature sets leaves it unchanged", () => {
  const before = tf.randomNormal([5, 7], 0, 1, "float32", 1),
    after = tf.randomNormal([5, 7], 0, 1, "float32", 2);
  const big = [tf.mul(before, 1000), tf.mul(after, 1000)];
  assertClose(featureMovement(big[0], big[1]), featureMovement(before, after), 1e-5);
  tf.dispose([before, after, ...big]);
});

Deno.test("featureMovement() rejects mismatched shapes and all-zero features", () => {
  const a = tf.zeros([2, 3]), b = tf.ones([3, 2]);
  assertThrows(() => featureMovement(a, b), RangeError, "[2,3] and [3,2]");
  assertThrows(() => featureMovement(a, tf.ones([2, 3])), RangeError, "all zero");
  tf.dispose([a, b]);
});

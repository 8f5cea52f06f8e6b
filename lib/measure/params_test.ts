import * as tf from "@tensorflow/tfjs-core";
import { assertEquals, assertThrows } from "../_assert.ts";
import { initBackend } from "../backend.ts";
import { countParams, flattenParams, unflattenParams } from "./params.ts";

Deno.test("flattenParams() and unflattenParams() round-trip a parameter list in order, row-major", async () => {
  await initBackend({ prefer: ["cpu"] });
  const params = [tf.tensor2d([[1, 2, 3], [4, 5, 6]]), tf.tensor1d([7]), tf.scalar(8)];
  assertEquals(countParams(params), 8);
  assertEquals(countParams([[2, 3], [1], []]), 8);
  const flat = flattenParams(params);
  assertEquals(Array.from(flat), [1, 2, 3, 4, 5, 6, 7, 8]);
  const before = tf.memory().numTensors;
  const back = unflattenParams(flat, params);
  assertEquals(back.map((t) => t.shape), [[2, 3], [1], []]);
  assertEquals(back.map((t) => Array.from(t.dataSync())), [[1, 2, 3, 4, 5, 6], [7], [8]]);
  tf.dispose(back);
  assertEquals(tf.memory().numTensors, before);
  tf.dispose(params);
});

Deno.test("unflattenParams() rejects a vector of the wrong length and says the expected one", () => {
  assertThrows(
    () => unflattenParams([1, 2, 3], [[2, 2]]),
    RangeError,
    "expected a vector of length 4 (the parameter count), got 3",
  );
});

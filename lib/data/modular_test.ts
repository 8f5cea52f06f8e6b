import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { modularAdditionSplit, modularLabel } from "./modular.ts";

Deno.test("modularAdditionSplit() partitions all p² pairs, reproducibly", () => {
  const s = modularAdditionSplit(11, { trainFraction: 0.3, seed: 5 });
  assertEquals(s.train.length, Math.round(0.3 * 121));
  const all = [...s.train, ...s.test].sort((a, b) => a - b);
  assertEquals(all, Array.from({ length: 121 }, (_, i) => i));
  assertEquals([...modularAdditionSplit(11, { trainFraction: 0.3, seed: 5 }).train], [...s.train]);
  assert(
    [...modularAdditionSplit(11, { trainFraction: 0.3, seed: 6 }).train].some((v, i) => v !== s.train[i]),
  );
});

Deno.test("modularLabel() is (a + b) mod p for the pair a·p + b", () => {
  for (let a = 0; a < 7; a++) {
    for (let b = 0; b < 7; b++) assertEquals(modularLabel(a * 7 + b, 7), (a + b) % 7);
  }
});

Deno.test("modularLabel() gives (a − b) and (a·b) mod p for the other operations", () => {
  for (let a = 0; a < 7; a++) {
    for (let b = 0; b < 7; b++) {
      assertEquals(modularLabel(a * 7 + b, 7, "subtract"), (((a - b) % 7) + 7) % 7);
      assertEquals(modularLabel(a * 7 + b, 7, "multiply"), (a * b) % 7);
    }
  }
  assertEquals(modularAdditionSplit(5, { seed: 0, operation: "multiply" }).operation, "multiply");
  assertEquals(modularAdditionSplit(5, { seed: 0 }).operation, "add");
});

Deno.test("modularAdditionSplit() rejects a bad modulus, fraction or operation, naming the value", () => {
  assertThrows(() => modularAdditionSplit(1.5, { seed: 0 }), RangeError, "got 1.5");
  assertThrows(() => modularAdditionSplit(7, { seed: 0, trainFraction: 1 }), RangeError, "got 1");
  // @ts-expect-error: an operation the type does not allow, as from untyped code
  assertThrows(() => modularAdditionSplit(7, { seed: 0, operation: "divide" }), RangeError, "got divide");
});

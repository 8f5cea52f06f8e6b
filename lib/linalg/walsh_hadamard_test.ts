import { assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { walshHadamard } from "./walsh_hadamard.ts";

Deno.test("walshHadamard() matches its definition Σ_z f[z](−1)^|S∧z| and is its own inverse up to N", () => {
  const N = 64;
  const f = rng(1).normals(N);
  const fast = walshHadamard(f);
  const bits = (v: number) => v.toString(2).split("").filter((c) => c === "1").length;
  for (let S = 0; S < N; S++) {
    let s = 0;
    for (let z = 0; z < N; z++) s += f[z] * (bits(S & z) % 2 ? -1 : 1);
    assertClose(fast[S], s, 1e-12, `S = ${S}`);
  }
  const back = walshHadamard(fast);
  for (let z = 0; z < N; z++) assertClose(back[z] / N, f[z], 1e-13);
  assertEquals(Array.from(f), Array.from(rng(1).normals(N)), "the input is not modified");
});

Deno.test("walshHadamard() refuses a length that is not a power of two", () => {
  assertThrows(() => walshHadamard([1, 2, 3]), RangeError, "power of two, got 3");
});

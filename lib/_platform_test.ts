import { assertEquals } from "./_assert.ts";
import { envVar, isDeno, openReadable, tslabDisplayWriter } from "./_platform.ts";

Deno.test("envVar() reads Deno's environment and is undefined for an unset name", () => {
  Deno.env.set("LM_PLATFORM_TEST", "x1");
  try {
    assertEquals([isDeno(), envVar("LM_PLATFORM_TEST"), envVar("LM_PLATFORM_TEST_UNSET")], [
      true,
      "x1",
      undefined,
    ]);
  } finally {
    Deno.env.delete("LM_PLATFORM_TEST");
  }
});

Deno.test("openReadable() streams a file's bytes and rejects a missing file before reading", async () => {
  const path = await Deno.makeTempFile();
  try {
    await Deno.writeFile(path, new Uint8Array([1, 2, 3]));
    const bytes = new Uint8Array(await new Response(await openReadable(path)).arrayBuffer());
    assertEquals(Array.from(bytes), [1, 2, 3]);
  } finally {
    await Deno.remove(path);
  }
  let message = "";
  await openReadable(`${path}.missing`).catch((e) => message = (e as Error).message);
  assertEquals(message.includes("No such file"), true);
});

Deno.test("tslabDisplayWriter() is undefined under Deno", () => {
  assertEquals(tslabDisplayWriter(), undefined);
});

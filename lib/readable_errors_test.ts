import { assert, assertEquals } from "./_assert.ts";
import { formatStack, frameKind, readableErrors, type StackFrame } from "./readable_errors.ts";

const frame = (file: string, line: number, fn: string | null = null): StackFrame => ({
  getFileName: () => file,
  getLineNumber: () => line,
  getColumnNumber: () => 7,
  getFunctionName: () => fn,
});
const TF =
  "file:///c/node_modules/.deno/@tensorflow+tfjs-core@4.22.0/node_modules/@tensorflow/tfjs-core/dist/x.js";

Deno.test("frames are told apart: cells have no file, dependencies live in node_modules", () => {
  assertEquals(frameKind(""), "cell");
  assertEquals(frameKind(undefined), "cell");
  assertEquals(frameKind(TF), "dependency");
  assertEquals(frameKind("file:///c/lib/autodiff/losses.ts"), "lib");
  assertEquals(frameKind("ext:core/01_core.js"), "runtime");
});

Deno.test("a stack folds dependency frames, keeps library and cell frames, and names the cell's line", () => {
  const frames = [
    frame(TF, 454, "assert"),
    ...Array.from({ length: 8 }, (_, i) => frame(TF, 500 + i, "engine")),
    frame("file:///c/lib/autodiff/losses.ts", 50, "mse"),
    frame("", 9, "f"),
    frame("", 10),
  ];
  const text = formatStack(new RangeError("shapes [3,2] and [4,2]"), frames);
  const lines = text.split("\n");
  assertEquals(lines[0], "RangeError: shapes [3,2] and [4,2]");
  assertEquals(lines[1], `    at assert (${TF}:454:7)`);
  assertEquals(lines[2], "    … 8 more frames inside @tensorflow/tfjs-core");
  assertEquals(lines[3], "    at mse (file:///c/lib/autodiff/losses.ts:50:7)");
  assertEquals(lines[4], "    at f (<cell>:9:7)");
  assertEquals(lines.at(-1), "→ in your cell, in f (line 9 of the cell as compiled)");
});

Deno.test("an error raised in a cell itself gets no pointer line", () => {
  const text = formatStack(new Error("x"), [frame("", 3)]);
  assert(!text.includes("→ in your cell"), text);
});

Deno.test("readableErrors() keeps more than 10 frames and formats real stacks", () => {
  const ctor = Error as unknown as { stackTraceLimit?: number; prepareStackTrace?: unknown };
  const before = { limit: ctor.stackTraceLimit, prepare: ctor.prepareStackTrace };
  try {
    assert(readableErrors());
    assert(readableErrors(), "installing twice is harmless");
    const deep = (n: number): never =>
      n === 0
        ? (() => {
          throw new Error("deep");
        })()
        : deep(n - 1);
    let stack = "";
    try {
      deep(30);
    } catch (e) {
      stack = (e as Error).stack ?? "";
    }
    assert(stack.startsWith("Error: deep"), stack);
    assert(stack.split("\n").filter((l) => l.includes("at deep")).length > 10, stack);
  } finally {
    ctor.stackTraceLimit = before.limit;
    ctor.prepareStackTrace = before.prepare;
  }
});

Deno.test("readableErrors() leaves a frozen Error alone and does not throw (the grader freezes built-ins)", async () => {
  const code = `import { readableErrors } from "${new URL("./readable_errors.ts", import.meta.url).href}";
Object.freeze(Error);
const ok = readableErrors();
console.log(JSON.stringify({ ok, stack: typeof new Error("x").stack }));`;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", code],
    stdout: "piped",
    stderr: "piped",
  })
    .output();
  const text = new TextDecoder().decode(out.stdout).trim();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
  const result = JSON.parse(text);
  if (result.ok !== false || result.stack !== "string") throw new Error(text);
});

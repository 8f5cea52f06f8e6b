import { assertEquals } from "../../lib/_assert.ts";
import { markdownTraps } from "./markdown_traps.ts";

Deno.test("markdownTraps() finds display-maths lines that other renderers read as Markdown", () => {
  const source = "Text\n$$\na\n+ b\n- c\n* d\n2. e\n$$\n- a real list item";
  assertEquals(markdownTraps(source).map((t) => t.line), [4, 5, 6, 7]);
});

Deno.test("markdownTraps() finds a blank line that splits display maths", () => {
  assertEquals(markdownTraps("$$\na\n\nb\n$$").map((t) => t.problem), [
    "blank line inside $$…$$ (opened on line 1)",
  ]);
});

Deno.test("markdownTraps() accepts operators kept at line ends, one-line $$…$$, and code fences", () => {
  assertEquals(markdownTraps("$$\na +\nb\n$$\n$$x$$\n- item\n```\n$$\n+ not maths\n```"), []);
  assertEquals(markdownTraps("$$\na\n{}+ b\n\\quad - c\n$$"), []);
});

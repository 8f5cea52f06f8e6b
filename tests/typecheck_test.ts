/** Notebooks are type-checked by extracting their code cells (the Deno kernel does not type-check). */
import { assertEquals } from "../lib/_assert.ts";
import { expandNotebookPaths } from "../tools/notebook/runner.ts";
import { typecheckNotebooks } from "../tools/typecheck.ts";

Deno.test("typecheckNotebooks() finds a type error and names its notebook, cell and line", async () => {
  const errors = await typecheckNotebooks(["tests/fixtures/type_error.ipynb"]);
  assertEquals(errors.map((e) => [e.notebook, e.cellIndex, e.line]), [[
    "tests/fixtures/type_error.ipynb",
    2,
    2,
  ]]);
  assertEquals(errors[0].message, "TS2322 [ERROR]: Type 'string' is not assignable to type 'number'.");
});

Deno.test("every notebook, solution and exercise type-checks", async () => {
  const paths = await expandNotebookPaths(["notebooks", "solutions", "exercises"], { skipMissing: true });
  const errors = await typecheckNotebooks(paths);
  assertEquals(errors.map((e) => `${e.notebook} cell ${e.cellIndex}, line ${e.line}: ${e.message}`), []);
});

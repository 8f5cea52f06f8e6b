/**
 * Hygiene of the committed notebooks: valid nbformat 4, no outputs, the Deno kernelspec, stable unique cell
 * ids, and the course's conventions (a claim in every course notebook, a parameters cell with a seed, checks
 * in every solution, nothing kernel-specific in cells); and of the code: `deno fmt --check` and `deno lint`
 * pass, as `deno task check` asks.
 */
import { assert, assertEquals } from "../lib/_assert.ts";
import { type Notebook, readNotebook, sourceOf } from "../tools/notebook/nbformat.ts";
import { declaredParameters } from "../tools/notebook/parameters.ts";
import { expandNotebookPaths } from "../tools/notebook/runner.ts";
import { markdownTraps } from "../tools/book/markdown_traps.ts";

const paths = await expandNotebookPaths(["notebooks", "solutions", "exercises"], { skipMissing: true });
const code = (nb: Notebook) => nb.cells.filter((c) => c.cell_type === "code").map(sourceOf).join("\n");

Deno.test("the course has notebooks and every solution has a course notebook of the same name", () => {
  const course = paths.filter((p) => p.startsWith("notebooks/")).map((p) => p.split("/")[1]);
  assert(course.length >= 2, `course notebooks: ${course}`);
  for (const p of paths.filter((p) => p.startsWith("solutions/"))) {
    assert(course.includes(p.split("/")[1]), `${p} has no notebooks/ counterpart`);
  }
});

for (const path of paths) {
  Deno.test(`${path} is a clean nbformat-4 notebook for the Deno kernel`, async () => {
    assert(
      /^(notebooks|solutions|exercises)\/\d\d_[a-z0-9_]+\.ipynb$/.test(path),
      `file name ${path}: NN_slug.ipynb`,
    );
    const nb = await readNotebook(path);
    assertEquals(nb.metadata.kernelspec?.name, "deno");
    const withOutputs = nb.cells.filter((c) =>
      c.cell_type === "code" && (c.outputs!.length > 0 || c.execution_count)
    );
    assertEquals(withOutputs.length, 0, "commit notebooks without outputs");
    const ids = nb.cells.map((c) => c.id);
    assert(ids.every((id) => typeof id === "string" && id.length > 0), "every cell has an id");
    assertEquals(new Set(ids).size, ids.length, "cell ids are unique");
    const src = code(nb);
    assert(
      !/\bDeno\.|import\.meta/.test(src),
      "cells use the library, not Deno.* or import.meta (tslab compatibility)",
    );
    assert(/await setup\(\)/.test(src), "a cell calls `await setup()`");
  });
}

for (const path of paths) {
  Deno.test(`${path} has Markdown that renders the same in JupyterLab, GitHub, nbconvert and the website`, async () => {
    const nb = await readNotebook(path);
    const traps = nb.cells.flatMap((c, index) =>
      c.cell_type === "markdown"
        ? markdownTraps(sourceOf(c)).map((t) => `cell ${index} (id ${c.id}), line ${t.line}: ${t.problem}`)
        : []
    );
    assertEquals(traps, [], "Markdown traps (tools/book/markdown_traps.ts says how to write them)");
  });
}

for (const path of paths.filter((p) => p.startsWith("notebooks/"))) {
  Deno.test(`${path} declares a seed parameter and states at least one claim`, async () => {
    const nb = await readNotebook(path);
    assert(declaredParameters(nb).includes("seed"), "the cell tagged parameters declares `seed`");
    assert(/\bclaims?\(/.test(code(nb)), "at least one claim");
    const first = sourceOf(nb.cells[0]);
    assert(/arXiv|doi|et al\./.test(first), "the first cell says what is reproduced, with a citation");
  });
}

for (const path of paths.filter((p) => p.startsWith("solutions/"))) {
  Deno.test(`${path} pairs every solution block with a check cell`, async () => {
    const nb = await readNotebook(path);
    const cells = nb.cells.filter((c) => c.cell_type === "code").map(sourceOf);
    const solutions = cells.filter((s) => s.includes("// BEGIN SOLUTION"));
    const checks = cells.filter((s) => /^\/\/ CHECK name=\w+ points=\d+/.test(s));
    assert(solutions.length > 0, "at least one // BEGIN SOLUTION block");
    assert(
      checks.length >= solutions.length,
      `${solutions.length} solutions but ${checks.length} check cells`,
    );
    for (const s of solutions) {
      assertEquals(s.split("// BEGIN SOLUTION").length, s.split("// END SOLUTION").length, "markers pair up");
    }
  });
}

Deno.test("the code is formatted (deno fmt --check) and lint-clean (deno lint)", async () => {
  for (const args of [["fmt", "--check"], ["lint"]]) {
    const out = await new Deno.Command(Deno.execPath(), { args, stdout: "piped", stderr: "piped" }).output();
    const text = new TextDecoder().decode(out.stderr) + new TextDecoder().decode(out.stdout);
    assert(
      out.success,
      `deno ${args.join(" ")} failed; run it and fix what it reports:\n${text.slice(-3000)}`,
    );
  }
});

Deno.test("lib/theory predicts without measuring, and lib/measure reads without training", async () => {
  // Layers (README, "How the repository is laid out"): a prediction must not lean on a measurement, and a
  // reading of a model must not train one; runs that train and then measure live in lib/experiments/.
  const forbidden: Record<string, RegExp> = {
    "lib/theory": /from "\.\.\/(measure|experiments|train)\//,
    "lib/measure": /from "\.\.\/(experiments|train)\//,
  };
  const offenders: string[] = [];
  for (const [dir, pattern] of Object.entries(forbidden)) {
    for await (const e of Deno.readDir(dir)) {
      if (!e.name.endsWith(".ts") || e.name.endsWith("_test.ts")) continue;
      const text = await Deno.readTextFile(`${dir}/${e.name}`);
      // Doc examples (` * import …`) may use anything; only the module's own imports count.
      const imports = text.split("\n").filter((l) => /^(import|export)\b|^} from/.test(l));
      for (const line of imports) if (pattern.test(line)) offenders.push(`${dir}/${e.name}: ${line.trim()}`);
    }
  }
  assertEquals(offenders, []);
});

Deno.test("notebooks argue their tolerances in their own words, never citing a planning document", async () => {
  for (const path of paths) {
    const text = (await readNotebook(path)).cells.map(sourceOf).join("\n");
    assert(!/curriculum/i.test(text), `${path} mentions "curriculum"`);
  }
});

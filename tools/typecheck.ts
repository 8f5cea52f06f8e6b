/**
 * `deno run -A tools/typecheck.ts [NOTEBOOK|FOLDER …]`: type-check notebooks. The Deno kernel runs cells
 * without type-checking them (`let s: number = "x"` runs), so each notebook's code cells are extracted, in
 * order, into a module in a temporary folder and the modules are checked with `deno check` (with the
 * project's deno.json) in one run.
 * Errors are mapped back to the notebook and cell. Default: notebooks/, solutions/, exercises/.
 *
 * @module
 */
import { readNotebook, sourceOf } from "./notebook/nbformat.ts";
import { expandNotebookPaths } from "./notebook/runner.ts";

/** A type error located in a notebook cell. */
export interface CellTypeError {
  notebook: string;
  cellIndex: number;
  line: number;
  message: string;
}

interface Extracted {
  notebook: string;
  module: string;
  /** For each line of the module (1-based index), the [cell, line in cell]. */
  lines: [number, number][];
}

async function extract(path: string, outDir: string): Promise<Extracted> {
  const nb = await readNotebook(path);
  const parts: string[] = [];
  const lines: [number, number][] = [[-1, 0]];
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type !== "code") return;
    const src = sourceOf(cell);
    parts.push(`// cell ${i}`);
    lines.push([i, 0]);
    src.split("\n").forEach((line, j) => {
      parts.push(line);
      lines.push([i, j + 1]);
    });
  });
  // `export {}` makes the file a module, so top-level await type-checks.
  parts.push("export {};");
  const module = `${outDir}/${path.replace(/\.ipynb$/, ".ts")}`;
  await Deno.mkdir(module.slice(0, module.lastIndexOf("/")), { recursive: true });
  await Deno.writeTextFile(module, parts.join("\n") + "\n");
  return { notebook: path, module, lines };
}

/** Type-check notebooks; returns the errors found (empty when all pass). */
export async function typecheckNotebooks(paths: string[]): Promise<CellTypeError[]> {
  if (paths.length === 0) return [];
  const outDir = await Deno.makeTempDir({ prefix: "lm-typecheck-" });
  try {
    return await check(paths, outDir);
  } finally {
    await Deno.remove(outDir, { recursive: true });
  }
}

async function check(paths: string[], outDir: string): Promise<CellTypeError[]> {
  const extracted = await Promise.all(paths.map((p) => extract(p, outDir)));
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["check", "--quiet", `--config=${Deno.cwd()}/deno.json`, ...extracted.map((e) => e.module)],
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (out.success) return [];
  const text = new TextDecoder().decode(out.stderr) + new TextDecoder().decode(out.stdout);
  const errors: CellTypeError[] = [];
  // Blocks look like: "TS2322 [ERROR]: message\n    code\n    ~~~\n    at file:///…/x.ts:12:5"
  const blocks = text.split(/\n(?=TS\d+ \[ERROR\]|error: )/);
  for (const block of blocks) {
    const at = /at file:\/\/(\/[^\s:]+):(\d+):(\d+)/.exec(block);
    const message = block.split("\n")[0].trim();
    if (!at) {
      if (message.startsWith("error: Type checking failed")) continue;
      if (/ERROR|error/.test(message)) {
        errors.push({ notebook: "(unknown)", cellIndex: -1, line: 0, message: block.trim() });
      }
      continue;
    }
    const file = at[1];
    const e = extracted.find((x) => file === x.module);
    const [cellIndex, line] = e?.lines[Number(at[2])] ?? [-1, 0];
    errors.push({ notebook: e?.notebook ?? file, cellIndex, line, message });
  }
  return errors;
}

if (import.meta.main) {
  const paths = Deno.args.length
    ? await expandNotebookPaths(Deno.args)
    : await expandNotebookPaths(["notebooks", "solutions", "exercises"], { skipMissing: true });
  const errors = await typecheckNotebooks(paths);
  for (const e of errors) console.error(`${e.notebook} cell ${e.cellIndex}, line ${e.line}: ${e.message}`);
  console.log(
    `type-checked ${paths.length} notebooks: ${errors.length ? `${errors.length} errors` : "no errors"}`,
  );
  Deno.exit(errors.length ? 1 : 0);
}

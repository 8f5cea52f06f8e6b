/**
 * `deno task nbtext FILE…`: convert notebooks to and from a plain-text "percent" format, for writing and
 * reviewing notebooks as text (like jupytext's percent format).
 *
 *   // %% [markdown] id=intro
 *   // # A title
 *   // %% id=params tags=["parameters"]
 *   const seed = 0;
 *
 * `x.ipynb` → `x.nb.ts` and `x.nb.ts` → `x.ipynb`. Converting text to a notebook refuses to overwrite a
 * notebook that has outputs, and keeps cell ids, so regenerating gives the same file. An `id=` that is not a
 * valid cell id (letters, digits, `-`, `_`) is refused, never cut; a cell without `id=` gets `cell-N` (its
 * position), which the exercises lint refuses for graded cells.
 *
 * @module
 */
import {
  type Cell,
  type Notebook,
  readNotebook,
  serializeNotebook,
  sourceOf,
  splitLines,
} from "./notebook/nbformat.ts";

const HEADER = /^\/\/ %%(?: \[(markdown|raw)\])?(.*)$/;

/** Deno kernelspec + language metadata written into every course notebook. */
export const COURSE_METADATA = {
  kernelspec: { display_name: "Deno", language: "typescript", name: "deno" },
  language_info: {
    codemirror_mode: "typescript",
    file_extension: ".ts",
    mimetype: "text/x.typescript",
    name: "typescript",
    nbconvert_exporter: "script",
    pygments_lexer: "typescript",
  },
};

/** Parse the percent format into a notebook. */
export function textToNotebook(text: string, path = "<text>"): Notebook {
  const cells: Cell[] = [];
  let current: { cell: Cell; lines: string[] } | null = null;
  const flush = () => {
    if (!current) return;
    while (current.lines.length && current.lines[current.lines.length - 1].trim() === "") current.lines.pop();
    const body = current.cell.cell_type === "code"
      ? current.lines.join("\n")
      : current.lines.map((l) => l.replace(/^\/\/ ?/, "")).join("\n");
    current.cell.source = splitLines(body);
    cells.push(current.cell);
  };
  text.split("\n").forEach((line, i) => {
    const m = HEADER.exec(line);
    if (!m) {
      if (!current) {
        if (line.trim() === "") return;
        throw new Error(`${path}:${i + 1}: text before the first "// %%" cell header`);
      }
      current.lines.push(line);
      return;
    }
    flush();
    const attrs = m[2];
    const given = /(?:^|\s)id=(\S+)/.exec(attrs)?.[1];
    if (given !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(given)) {
      throw new Error(
        `${path}:${
          i + 1
        }: "${given}" is not a valid cell id (letters, digits, - and _, at most 64 characters)`,
      );
    }
    // A cell without id= gets a positional id, which shifts when a cell is inserted above it: fine for prose,
    // refused for graded cells by the exercises lint (tools/grade/lint.ts).
    const id = given ?? `cell-${cells.length}`;
    const tagsMatch = /\btags=(\[[^\]]*\])/.exec(attrs);
    const metadata: Cell["metadata"] = {};
    if (tagsMatch) metadata.tags = JSON.parse(tagsMatch[1]);
    const extra = /\bmeta=(\{.*\})\s*$/.exec(attrs);
    if (extra) Object.assign(metadata, JSON.parse(extra[1]));
    const type = (m[1] ?? "code") as Cell["cell_type"];
    const cell: Cell = type === "code"
      ? { id, cell_type: "code", metadata, source: [], outputs: [], execution_count: null }
      : { id, cell_type: type, metadata, source: [] };
    current = { cell, lines: [] };
  });
  flush();
  const ids = new Set<string>();
  for (const c of cells) {
    if (ids.has(c.id!)) throw new Error(`${path}: duplicate cell id "${c.id}"`);
    ids.add(c.id!);
  }
  return { nbformat: 4, nbformat_minor: 5, metadata: structuredClone(COURSE_METADATA), cells };
}

/** Write a notebook in the percent format. */
export function notebookToText(nb: Notebook): string {
  return nb.cells.map((c) => {
    const { tags, ...rest } = c.metadata;
    const attrs = [
      c.id ? `id=${c.id}` : "",
      tags?.length ? `tags=${JSON.stringify(tags)}` : "",
      Object.keys(rest).length ? `meta=${JSON.stringify(rest)}` : "",
    ].filter(Boolean).join(" ");
    const head = `// %%${c.cell_type === "code" ? "" : ` [${c.cell_type}]`}${attrs ? " " + attrs : ""}`;
    const src = sourceOf(c);
    const body = c.cell_type === "code" ? src : src.split("\n").map((l) => (l ? `// ${l}` : "//")).join("\n");
    return `${head}\n${body}\n`;
  }).join("\n");
}

if (import.meta.main) {
  let failed = false;
  for (const file of Deno.args) {
    try {
      if (file.endsWith(".ipynb")) {
        const out = file.replace(/\.ipynb$/, ".nb.ts");
        await Deno.writeTextFile(out, notebookToText(await readNotebook(file)));
        console.log(`${file} → ${out}`);
      } else if (file.endsWith(".nb.ts")) {
        const out = file.replace(/\.nb\.ts$/, ".ipynb");
        try {
          const existing = await readNotebook(out);
          if (existing.cells.some((c) => (c.outputs ?? []).length > 0)) {
            throw new Error(
              `${out} has outputs; clear them first (this tool never overwrites executed work)`,
            );
          }
        } catch (e) {
          if (!(e instanceof Deno.errors.NotFound) && !String(e).includes("cannot be read")) throw e;
        }
        await Deno.writeTextFile(out, serializeNotebook(textToNotebook(await Deno.readTextFile(file), file)));
        console.log(`${file} → ${out}`);
      } else throw new Error(`${file}: expected a .ipynb or .nb.ts file`);
    } catch (e) {
      console.error((e as Error).message);
      failed = true;
    }
  }
  Deno.exit(failed ? 1 : 0);
}

/**
 * Minimal nbformat 4 types, reading with validation, and clean writing.
 *
 * @module
 */

/** One output of a code cell (nbformat 4). */
export type Output =
  | { output_type: "stream"; name: "stdout" | "stderr"; text: string | string[] }
  | {
    output_type: "display_data";
    data: Record<string, unknown>;
    metadata: Record<string, unknown>;
    transient?: { display_id?: string };
  }
  | {
    output_type: "execute_result";
    execution_count: number | null;
    data: Record<string, unknown>;
    metadata: Record<string, unknown>;
  }
  | { output_type: "error"; ename: string; evalue: string; traceback: string[] };

/** A notebook cell. */
export interface Cell {
  id?: string;
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  metadata: Record<string, unknown> & { tags?: string[] };
  outputs?: Output[];
  execution_count?: number | null;
  attachments?: Record<string, unknown>;
}

/** A notebook (nbformat 4). */
export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: Record<string, unknown> & {
    kernelspec?: { name: string; display_name?: string; language?: string };
  };
  cells: Cell[];
}

/** A notebook that could not be read: names the file and what is wrong with it. */
export class NotebookFormatError extends Error {
  constructor(readonly path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = "NotebookFormatError";
  }
}

/** Cell source as one string. */
export function sourceOf(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/** Split text the way nbformat stores multi-line strings (lines keep their "\n"). */
export function splitLines(text: string): string[] {
  const lines = text.split("\n").map((l, i, all) => (i < all.length - 1 ? l + "\n" : l));
  return lines.filter((l, i) => !(i === lines.length - 1 && l === ""));
}

/** Check the parts of nbformat 4 that the tools rely on; throws {@linkcode NotebookFormatError}. */
export function validateNotebook(value: unknown, path: string): Notebook {
  const fail = (problem: string): never => {
    throw new NotebookFormatError(path, `${problem} (expected a Jupyter notebook, nbformat 4)`);
  };
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail("the top level is not a JSON object");
  }
  const nb = value as Record<string, unknown>;
  if (nb.nbformat !== 4) fail(`"nbformat" is ${JSON.stringify(nb.nbformat)}, not 4`);
  if (typeof nb.nbformat_minor !== "number") fail(`"nbformat_minor" is missing`);
  if (typeof nb.metadata !== "object" || nb.metadata === null) fail(`"metadata" is missing`);
  if (!Array.isArray(nb.cells)) fail(`"cells" is not a list`);
  (nb.cells as unknown[]).forEach((c, i) => {
    if (typeof c !== "object" || c === null) fail(`cell ${i} is not an object`);
    const cell = c as Record<string, unknown>;
    if (!["code", "markdown", "raw"].includes(cell.cell_type as string)) {
      fail(`cell ${i} has cell_type ${JSON.stringify(cell.cell_type)}`);
    }
    if (typeof cell.source !== "string" && !Array.isArray(cell.source)) fail(`cell ${i} has no "source"`);
    if (typeof cell.metadata !== "object" || cell.metadata === null) fail(`cell ${i} has no "metadata"`);
    if (cell.cell_type === "code" && !Array.isArray(cell.outputs)) {
      fail(`code cell ${i} has no "outputs" list`);
    }
  });
  return value as Notebook;
}

/** Read and validate a notebook file. Throws {@linkcode NotebookFormatError} naming the file. */
export async function readNotebook(path: string): Promise<Notebook> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    throw new NotebookFormatError(path, `cannot be read (${(e as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new NotebookFormatError(path, `is not valid JSON (${(e as Error).message})`);
  }
  return validateNotebook(value, path);
}

/** Serialize like Jupyter does: 1-space indent, sorted keys, trailing newline. */
export function serializeNotebook(nb: Notebook): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === "object") {
      return Object.fromEntries(
        Object.keys(v as Record<string, unknown>).sort().map((
          k,
        ) => [k, sortKeys((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sortKeys(nb), null, 1) + "\n";
}

/** A deep copy with every output and execution count removed. */
export function clearOutputs(nb: Notebook): Notebook {
  const copy = structuredClone(nb);
  for (const cell of copy.cells) {
    if (cell.cell_type === "code") {
      cell.outputs = [];
      cell.execution_count = null;
    }
  }
  return copy;
}

/**
 * Papermill-style parameters: the code cell tagged `parameters` declares the knobs of an experiment
 * (`const seed = 0;`), and a run may override them. Overrides rewrite the declaration's value in the
 * executed copy, so its type annotation and `const` stay as written.
 *
 * @module
 */
import { type Cell, type Notebook, sourceOf, splitLines } from "./nbformat.ts";

/** A value given on the command line: JSON when it parses as JSON, else a string. */
export type ParameterValue = string | number | boolean | null | unknown[] | Record<string, unknown>;

/** Raised for a parameter the notebook does not declare. */
export class UnknownParameterError extends Error {
  constructor(readonly names: string[], readonly known: string[], path: string) {
    super(
      `${path}: unknown parameter${names.length > 1 ? "s" : ""} ${names.join(", ")}; ` +
        (known.length
          ? `the parameters cell declares: ${known.join(", ")}`
          : `the notebook has no code cell tagged "parameters"`),
    );
    this.name = "UnknownParameterError";
  }
}

const DECLARATION =
  /^(\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*)(.*?)(;?\s*(?:\/\/.*)?)$/;

/** Parse `name=value` strings from a command line. */
export function parseParameterArgs(args: string[]): Record<string, ParameterValue> {
  const out: Record<string, ParameterValue> = {};
  for (const arg of args) {
    const eq = arg.indexOf("=");
    if (eq <= 0) throw new Error(`A parameter must look like name=value, got "${arg}"`);
    const name = arg.slice(0, eq);
    const raw = arg.slice(eq + 1);
    try {
      out[name] = JSON.parse(raw) as ParameterValue;
    } catch {
      out[name] = raw;
    }
  }
  return out;
}

/** The index of the code cell tagged `parameters`, or -1. */
export function parametersCellIndex(nb: Notebook): number {
  return nb.cells.findIndex((c: Cell) =>
    c.cell_type === "code" && (c.metadata.tags ?? []).includes("parameters")
  );
}

/** The names the parameters cell declares, in order. */
export function declaredParameters(nb: Notebook): string[] {
  const i = parametersCellIndex(nb);
  if (i < 0) return [];
  return sourceOf(nb.cells[i]).split("\n").map((l) => DECLARATION.exec(l)?.[2]).filter((n): n is string =>
    !!n
  );
}

/**
 * A copy of `nb` whose parameters cell assigns the given values. Throws {@linkcode UnknownParameterError}
 * when a name is not declared there.
 */
export function applyParameters(
  nb: Notebook,
  values: Record<string, ParameterValue>,
  path: string,
): Notebook {
  const names = Object.keys(values);
  if (names.length === 0) return nb;
  const known = declaredParameters(nb);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length) throw new UnknownParameterError(unknown, known, path);
  const copy = structuredClone(nb);
  const cell = copy.cells[parametersCellIndex(copy)];
  const lines = sourceOf(cell).split("\n").map((line) => {
    const m = DECLARATION.exec(line);
    if (!m || !(m[2] in values)) return line;
    return `${m[1]}${JSON.stringify(values[m[2]])}; // overridden by the runner (was ${m[3].trim()})`;
  });
  cell.source = splitLines(lines.join("\n"));
  cell.metadata = { ...cell.metadata, tags: [...(cell.metadata.tags ?? []), "injected-parameters"] };
  return copy;
}

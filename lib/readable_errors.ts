/**
 * Readable errors in notebook cells. V8 keeps only the 10 innermost frames of a stack, so an error thrown deep
 * inside TensorFlow.js (a shape mismatch, say) shows ten frames of library internals and never the line of the
 * cell that called it. {@linkcode readableErrors} (installed by `setup()`) keeps more frames and formats every
 * stack so that:
 *
 * - runs of frames inside `node_modules` (TensorFlow.js, polars) fold into one line, "… 8 frames inside
 *   @tensorflow/tfjs-core";
 * - frames in the course library (`lib/…`) and in notebook cells are kept in full;
 * - a last line names the innermost frame from a cell: "→ in your cell, in f (line 4 of the cell as compiled)".
 *
 * What the line number means, honestly: the Deno kernel compiles a TypeScript cell to JavaScript and re-prints
 * it one statement per line (types and blank lines dropped, one-line function bodies split), and positions refer
 * to that text; no source map reaches the stack. The function name is exact; the line is a guide.
 * Cells have no file name, which is how their frames are told apart.
 *
 * @module
 */

/** The part of V8's CallSite this module reads. */
export interface StackFrame {
  getFileName(): string | null | undefined;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
  getFunctionName(): string | null;
  getTypeName?(): string | null;
  getMethodName?(): string | null;
  isNative?(): boolean;
}

type Prepare = (error: Error, frames: StackFrame[]) => string;
const ErrorCtor = Error as unknown as { stackTraceLimit?: number; prepareStackTrace?: Prepare };
let installed: Prepare | undefined;

/** Where a frame runs: a notebook cell (no file), the course library, a dependency, or the runtime. */
export function frameKind(file: string | null | undefined): "cell" | "lib" | "dependency" | "runtime" {
  if (!file || file === "<anonymous>" || file.startsWith("$deno$") || file.startsWith("evalmachine")) {
    return "cell";
  }
  if (file.startsWith("ext:") || file.startsWith("node:")) return "runtime";
  if (file.includes("/node_modules/")) return "dependency";
  return "lib";
}

function where(frame: StackFrame): string {
  const file = frame.getFileName();
  const pos = `${file || "<cell>"}:${frame.getLineNumber() ?? "?"}:${frame.getColumnNumber() ?? "?"}`;
  const fn = frame.getFunctionName();
  const type = frame.getTypeName?.();
  const name = fn ? (type && type !== "Object" && !fn.startsWith(type) ? `${type}.${fn}` : fn) : null;
  return name ? `${name} (${pos})` : pos;
}

function packageOf(file: string): string {
  const m = /\/node_modules\/(?:\.deno\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(file);
  return m ? m[1] : "a dependency";
}

/**
 * Format a stack: the error's first line, then its frames, with runs of dependency frames folded and a last
 * line pointing at the innermost cell frame.
 *
 * @example
 * ```ts
 * import { formatStack, type StackFrame } from "./readable_errors.ts";
 * const frame = (file: string, line: number, fn: string | null): StackFrame => ({
 *   getFileName: () => file, getLineNumber: () => line, getColumnNumber: () => 1, getFunctionName: () => fn,
 * });
 * const dep = "file:///x/node_modules/@tensorflow/tfjs-core/dist/tf-core.js";
 * const text = formatStack(new Error("shapes differ"), [frame(dep, 1, "assert"), frame(dep, 2, "matMul"), frame("", 4, "f")]);
 * if (!text.includes("… 1 more frame inside @tensorflow/tfjs-core")) throw new Error(text);
 * if (!text.endsWith("→ in your cell, in f (line 4 of the cell as compiled)")) throw new Error(text);
 * ```
 */
export function formatStack(error: Error, frames: StackFrame[]): string {
  const lines = [Error.prototype.toString.call(error)];
  let folded = 0, foldedPackage = "";
  const flush = () => {
    if (folded) lines.push(`    … ${folded} more frame${folded === 1 ? "" : "s"} inside ${foldedPackage}`);
    folded = 0;
  };
  let previousDependency = false;
  for (const frame of frames) {
    const kind = frameKind(frame.getFileName());
    if (kind === "dependency" && previousDependency) {
      folded++;
      foldedPackage = packageOf(frame.getFileName()!);
      continue;
    }
    flush();
    previousDependency = kind === "dependency";
    lines.push(`    at ${where(frame)}`);
  }
  flush();
  const cell = frames.find((f) => frameKind(f.getFileName()) === "cell");
  if (cell && frames.some((f) => frameKind(f.getFileName()) !== "cell")) {
    const fn = cell.getFunctionName();
    const line = `line ${cell.getLineNumber() ?? "?"} of the cell as compiled`;
    lines.push(`→ in your cell${fn ? `, in ${fn}` : ""} (${line})`);
  }
  return lines.join("\n");
}

/**
 * Keep up to `stackTraceLimit` frames (default 60) and format stacks with {@linkcode formatStack}. Called by
 * `setup()`; calling it again changes nothing. Returns false when the runtime does not let a program format
 * its stacks (then errors look as before).
 */
export function readableErrors(options: { stackTraceLimit?: number } = {}): boolean {
  // A locked-down runtime (the grader freezes built-ins such as Error) lets no program change how stacks look:
  // then errors stay as they are, and nothing throws.
  if (Object.isFrozen(Error) || !Object.isExtensible(Error)) return false;
  const limit = options.stackTraceLimit ?? 60;
  if ((ErrorCtor.stackTraceLimit ?? 0) < limit) ErrorCtor.stackTraceLimit = limit;
  if (ErrorCtor.prepareStackTrace && ErrorCtor.prepareStackTrace === installed) return true;
  if (ErrorCtor.prepareStackTrace) return false; // someone else formats stacks: leave theirs alone
  installed = (error, frames) => {
    try {
      return formatStack(error, frames);
    } catch {
      return [Error.prototype.toString.call(error), ...frames.map((f) => `    at ${String(f)}`)].join("\n");
    }
  };
  try {
    ErrorCtor.prepareStackTrace = installed;
  } catch {
    return false;
  }
  return true;
}

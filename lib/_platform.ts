/**
 * The few things the library needs from its runtime, for Deno and for Node (the tslab kernel, scripts).
 *
 * Under Deno each function does exactly what the library did before it ran on Node (`Deno.env`,
 * `Deno.open`, `Deno.jupyter`); under Node it uses `node:fs`, `node:process` and the tslab kernel's own
 * display channel. The Node package is built by `deno task tslab-build` (tools/tslab/build.ts; DESIGN.md,
 * "tslab").
 *
 * @module
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import process from "node:process";

/** The part of `Deno` the library uses, declared here so the file also compiles without Deno's types. */
interface DenoLike {
  env: { get(name: string): string | undefined };
  open(path: string): Promise<{ readable: ReadableStream<Uint8Array<ArrayBuffer>> }>;
}

function deno(): DenoLike | undefined {
  return (globalThis as { Deno?: DenoLike }).Deno;
}

/** True under Deno, false under Node. */
export function isDeno(): boolean {
  return deno() !== undefined;
}

/** An environment variable, or `undefined` when it is unset (or Deno has no env permission). */
export function envVar(name: string): string | undefined {
  const d = deno();
  try {
    return d ? d.env.get(name) : process.env[name];
  } catch {
    return undefined; // no env permission
  }
}

/**
 * Open a file as a byte stream. Rejects (with the runtime's own message) when the file cannot be opened,
 * before any byte is read.
 */
export async function openReadable(path: string): Promise<ReadableStream<Uint8Array<ArrayBuffer>>> {
  const d = deno();
  if (d) return (await d.open(path)).readable;
  const bytes = await readFile(path);
  return new Blob([new Uint8Array(bytes)]).stream();
}

/** A Jupyter display message's content, as a kernel sends it. */
export interface DisplayContent {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient: { display_id?: string };
}

/** Sends a `display_data` (or, with `update`, an `update_display_data`) message from the running cell. */
export type DisplayWriter = (content: DisplayContent, update: boolean) => void;

/**
 * The tslab kernel's display channel, when this code runs inside tslab; `undefined` elsewhere.
 *
 * tslab's public `display` shows one MIME type per output; the kernel's own writer (the function
 * `lastWriteDisplayData` of `tslab/dist/jupyter.js`, set for each executed cell) sends a whole bundle with a
 * `display_id`, as Deno's kernel does. The module is found in Node's module cache, so the library needs no
 * dependency on tslab.
 */
export function tslabDisplayWriter(): DisplayWriter | undefined {
  if (deno()) return undefined;
  let cache: Record<string, { exports?: unknown } | undefined>;
  try {
    cache = createRequire(`${process.cwd()}/_platform.js`).cache;
  } catch {
    return undefined;
  }
  for (const [path, mod] of Object.entries(cache)) {
    if (!/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(path)) continue;
    const writer = (mod?.exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
    if (typeof writer === "function") return writer as DisplayWriter;
  }
  return undefined;
}

/** Locate and decompress the course's data files (`data/` at the project root). */
import { openReadable } from "../_platform.ts";

/**
 * Absolute path of a file in the project's `data/` folder. (The Node build, tools/tslab/build.ts, keeps
 * this file two levels below a link to `data/` and gives it its CommonJS module URL.)
 */
export function dataPath(name: string): string {
  return new URL(`../../data/${name}`, import.meta.url).pathname;
}

/** Read a gzip file fully into memory. */
export async function readGzip(name: string): Promise<Uint8Array> {
  const path = dataPath(name);
  let readable: ReadableStream<Uint8Array<ArrayBuffer>>;
  try {
    readable = await openReadable(path);
  } catch (e) {
    throw new Error(`Cannot open data file ${path} (${(e as Error).message}); is the repository complete?`);
  }
  const stream = readable.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

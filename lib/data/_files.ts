/** Locate and decompress the course's data files (`data/` at the project root). */

/** Absolute path of a file in the project's `data/` folder. */
export function dataPath(name: string): string {
  return new URL(`../../data/${name}`, import.meta.url).pathname;
}

/** Read a gzip file fully into memory. */
export async function readGzip(name: string): Promise<Uint8Array> {
  const path = dataPath(name);
  let file: Deno.FsFile;
  try {
    file = await Deno.open(path);
  } catch (e) {
    throw new Error(`Cannot open data file ${path} (${(e as Error).message}); is the repository complete?`);
  }
  const stream = file.readable.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Write the course's Deno kernelspec (`kernel.json`) into a directory.
 *
 * `deno jupyter --install` ignores `JUPYTER_DATA_DIR`, so the course writes the spec itself. The spec sets
 * `NO_COLOR=1` (otherwise `text/plain` results carry ANSI colour codes) and names the Deno the course was
 * set up with (DESIGN.md, "Executing notebooks").
 *
 * @module
 */

/** The kernel name notebooks declare in `metadata.kernelspec.name`. */
export const KERNEL_NAME = "deno";

/** Options of {@linkcode writeKernelspec}. */
export interface KernelspecOptions {
  /** Absolute path of the Deno executable. */
  denoPath: string;
  /** Name shown in Jupyter's launcher. Default "Deno". */
  displayName?: string;
  /** Extra environment variables for the kernel (NO_COLOR=1 is always set). */
  env?: Record<string, string>;
}

/** The kernel.json content for a Deno kernel. */
export function kernelspecJson(options: KernelspecOptions): Record<string, unknown> {
  return {
    argv: [options.denoPath, "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: options.displayName ?? "Deno",
    language: "typescript",
    env: { ...options.env, NO_COLOR: "1" },
  };
}

/** Write `kernel.json` into `dir` (created if missing) and return its path. */
export async function writeKernelspec(dir: string, options: KernelspecOptions): Promise<string> {
  await Deno.mkdir(dir, { recursive: true });
  const path = `${dir}/kernel.json`;
  await Deno.writeTextFile(path, JSON.stringify(kernelspecJson(options), null, 2) + "\n");
  return path;
}

/** The kernel name of the course's tslab (Node) kernelspec. */
export const TSLAB_KERNEL_NAME = "tslab";

/** Options of {@linkcode writeTslabKernelspec}. */
export interface TslabKernelspecOptions {
  /** Path of tslab's launcher, `…/node_modules/tslab/bin/tslab` (see tools/tslab/). */
  tslabPath: string;
  /** Node executable. Default "node" (found on PATH). */
  nodePath?: string;
  /** Name shown in Jupyter's launcher. Default "TypeScript (tslab)". */
  displayName?: string;
  /** Extra environment variables for the kernel (NO_COLOR=1 is always set). */
  env?: Record<string, string>;
}

/** The kernel.json content for a tslab kernel (the argv `tslab install` writes, with Node named). */
export function tslabKernelspecJson(options: TslabKernelspecOptions): Record<string, unknown> {
  return {
    argv: [options.nodePath ?? "node", options.tslabPath, "kernel", "--config-path", "{connection_file}"],
    display_name: options.displayName ?? "TypeScript (tslab)",
    language: "typescript",
    env: { ...options.env, NO_COLOR: "1" },
  };
}

/** Write a tslab `kernel.json` into `dir` (created if missing) and return its path. */
export async function writeTslabKernelspec(dir: string, options: TslabKernelspecOptions): Promise<string> {
  await Deno.mkdir(dir, { recursive: true });
  const path = `${dir}/kernel.json`;
  await Deno.writeTextFile(path, JSON.stringify(tslabKernelspecJson(options), null, 2) + "\n");
  return path;
}

/**
 * The grader's own Jupyter server, with limits for the kernels it starts, and a per-submission watchdog.
 *
 * Confinement is layered:
 * - each kernel runs in a bubblewrap sandbox (tools/grade/bubblewrap.ts): it sees only the library, the data,
 *   node_modules, the Deno binary and its own connection file, with a private empty HOME, DENO_DIR and /tmp and
 *   a clean environment. Where no sandbox can start, the grader refuses unless told `unsafe: true`
 *   (`--unsafe-no-sandbox`);
 * - the preamble cell revokes write, net, run and ffi inside the kernel before any student code runs
 *   (`tools/grade/preamble.ts`): Deno's kernel starts with every permission (`deno jupyter` takes no
 *   permission flags, and 2.9 ignores a `permissions` set in deno.json);
 * - the kernel's V8 heap is capped (`DENO_V8_FLAGS=--max-old-space-size`), and where util-linux `prlimit` exists
 *   the server and its kernels run with a data-segment limit (`RLIMIT_DATA`, which also bounds ArrayBuffers)
 *   and no core dumps; a kernel that hits a limit dies and the runner reports it;
 * - per-cell timeouts (the runner's) and a per-submission watchdog that interrupts the kernel, which ends a
 *   Deno kernel.
 *
 * The grading server's IOPub rate limits are lifted: with them, a notebook that prints a lot loses outputs
 * (check records included) depending on timing ("IOPub message rate exceeded").
 *
 * @module
 */
import { findJupyterServer, type JupyterServer, startJupyterServer } from "../jupyter/server.ts";
import { libraryDirsOf, probeSandbox, sandboxedKernelspec, type SandboxLayout } from "./bubblewrap.ts";

/** Options of {@linkcode startGradingServer}. */
export interface SandboxOptions {
  /** Memory limit per kernel process, MB (V8 heap gets 3/4 of it). Default 3072. */
  memoryMB?: number;
  /** Directory the server serves (the project root). Default: the current directory. */
  rootDir?: string;
  /** Grade without the OS sandbox when none can start (the gradebook records it). Default false. */
  unsafe?: boolean;
  /** The bubblewrap executable. Default `bwrap` found on PATH. */
  bwrap?: string;
}

/** What the grading server enforces, for the report. */
export interface SandboxReport {
  heapMB: number;
  /** Data-segment limit in MB, or 0 when `prlimit` is not available. */
  dataLimitMB: number;
  /** The kernel the grader runs submissions in. */
  kernelName: string;
  /** True when the kernels run in the bubblewrap sandbox. */
  sandboxed: boolean;
  /** Why there is no sandbox ("" when there is one). */
  noSandboxReason: string;
}

/** Refused: no sandbox can start and `unsafe` was not given. */
export class NoSandboxError extends Error {
  constructor(reason: string) {
    super(
      `The grader will not run submissions without its sandbox: ${reason}.\n` +
        `Install bubblewrap (Debian/Ubuntu: sudo apt-get install bubblewrap; Fedora: dnf install bubblewrap), or, ` +
        `on a machine where nothing is secret, pass --unsafe-no-sandbox (the gradebook records it).`,
    );
    this.name = "NoSandboxError";
  }
}

/** The kernel name of the sandboxed Deno kernel. */
export const SANDBOXED_KERNEL = "deno-grading-sandbox";

async function hasPrlimit(): Promise<boolean> {
  try {
    const out = await new Deno.Command("prlimit", { args: ["--version"], stdout: "null", stderr: "null" })
      .output();
    return out.success;
  } catch {
    return false;
  }
}

async function which(name: string): Promise<string | null> {
  for (const dir of (Deno.env.get("PATH") ?? "/usr/bin:/bin").split(":")) {
    const p = `${dir}/${name}`;
    if (await Deno.stat(p).then((i) => i.isFile, () => false)) return p;
  }
  return null;
}

/** A copy of the course's deno.json for the sandbox: node_modules used as it is, no tasks. */
async function gradingDenoJson(root: string, dir: string): Promise<string> {
  const config = JSON.parse(await Deno.readTextFile(`${root}/deno.json`));
  config.nodeModulesDir = "manual";
  delete config.tasks;
  const path = `${dir}/deno.json`;
  await Deno.writeTextFile(path, JSON.stringify(config, null, 2) + "\n");
  return path;
}

/** Start a Jupyter server whose kernels run under the grader's sandbox and limits. */
export async function startGradingServer(
  options: SandboxOptions = {},
): Promise<{ server: JupyterServer; sandbox: SandboxReport }> {
  const memoryMB = options.memoryMB ?? 3072;
  const heapMB = Math.max(256, Math.floor(memoryMB * 0.75));
  const root = await Deno.realPath(options.rootDir ?? Deno.cwd());
  const saved = new Map(
    ["DENO_V8_FLAGS", "DENO_NO_PROMPT", "JUPYTER_SERVER_CMD"].map((k) => [k, Deno.env.get(k)]),
  );
  const tmp = await Deno.makeTempDir({ prefix: "lm-grading-" });
  let dataLimitMB = 0;
  try {
    const cmd = await findJupyterServer();
    const deno = await Deno.realPath(Deno.execPath());
    const bwrap = options.bwrap ?? await which("bwrap");
    const layout: SandboxLayout & { bwrap: string } = {
      root,
      deno,
      denoJson: await gradingDenoJson(root, tmp),
      libraryDirs: await libraryDirsOf(deno),
      env: { DENO_V8_FLAGS: `--max-old-space-size=${heapMB}` },
      bwrap: bwrap ?? "bwrap",
    };
    const noSandboxReason = bwrap
      ? await probeSandbox(layout)
      : "bubblewrap (bwrap) is not installed (not found on PATH)";
    if (noSandboxReason && !options.unsafe) throw new NoSandboxError(noSandboxReason);
    Deno.env.set("DENO_V8_FLAGS", `--max-old-space-size=${heapMB}`);
    Deno.env.set("DENO_NO_PROMPT", "1");
    if (await hasPrlimit()) {
      dataLimitMB = memoryMB;
      const bytes = memoryMB * 1024 * 1024;
      Deno.env.set("JUPYTER_SERVER_CMD", ["prlimit", `--data=${bytes}`, "--core=0", "--", ...cmd].join(" "));
    } else Deno.env.set("JUPYTER_SERVER_CMD", cmd.join(" "));
    const server = await startJupyterServer({
      rootDir: root,
      extraKernelspecs: noSandboxReason ? {} : { [SANDBOXED_KERNEL]: sandboxedKernelspec(layout) },
    });
    const stop = server.stop;
    server.stop = async () => {
      await stop();
      await Deno.remove(tmp, { recursive: true }).catch(() => {});
    };
    return {
      server,
      sandbox: {
        heapMB,
        dataLimitMB,
        kernelName: noSandboxReason ? "deno" : SANDBOXED_KERNEL,
        sandboxed: !noSandboxReason,
        noSandboxReason,
      },
    };
  } catch (e) {
    await Deno.remove(tmp, { recursive: true }).catch(() => {});
    throw e;
  } finally {
    for (const [k, v] of saved) v === undefined ? Deno.env.delete(k) : Deno.env.set(k, v);
  }
}

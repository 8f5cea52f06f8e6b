/**
 * The grader's OS-level sandbox: each submission's Deno kernel runs under bubblewrap (`bwrap`, Debian's
 * `bubblewrap`), in a filesystem that holds only
 *
 * - the Deno binary and the shared libraries it links (found with `ldd`), read-only;
 * - the course's `lib/`, `data/`, `node_modules/` and `deno.lock`, read-only, at their real paths, and a
 *   grading copy of `deno.json` (`nodeModulesDir: "manual"`, so that Deno uses `node_modules` as it is and
 *   never reaches for a registry);
 * - its own Jupyter connection file, bound alone at {@linkcode CONNECTION_FILE} (not the runtime folder);
 * - a private, empty `/tmp` and HOME (where `DENO_DIR` is), on tmpfs, gone when the kernel ends: nothing
 *   (localStorage, the Cache API) is handed from one submission to the next;
 *
 * with a clean environment (no Jupyter token, none of the instructor's variables) and its own PID, IPC, UTS and
 * cgroup namespaces. Solutions, other submissions, the grader's outputs and HOME do not exist inside.
 *
 * bwrap's `--new-session` is not used: Jupyter interrupts a kernel by signalling its process group, which
 * a new session would leave, and Jupyter already starts each kernel in a session of its own, without a
 * controlling terminal (so there is no terminal to inject input into).
 *
 * The network namespace stays shared: Deno's kernel (2.9) listens only on TCP (a connection file with
 * `"transport": "ipc"` fails: `invalid host`), and the Jupyter server must reach those ports; a kernel in a
 * private network namespace would have its own loopback. The network is closed by other means: the
 * preamble revokes the net permission (tools/grade/preamble.ts), and nothing inside knows the server's token.
 *
 * @module
 */

/** Where the kernel finds its connection file inside the sandbox. */
export const CONNECTION_FILE = "/run/jupyter/connection.json";
/** The kernel's working folder inside the sandbox (under the course root, so that deno.json is found). */
export const WORK_FOLDER = "_grading";
/** The student's private HOME inside the sandbox. */
export const SANDBOX_HOME = "/home/student";

/** What the sandbox needs to know about the course and the machine. */
export interface SandboxLayout {
  /** Absolute path of the course root (holds lib/, data/, node_modules/, deno.json). */
  root: string;
  /** Absolute path of the Deno binary. */
  deno: string;
  /** The grading copy of deno.json (bound over the course's). */
  denoJson: string;
  /** Folders of the shared libraries the Deno binary links (absolute, deduplicated). */
  libraryDirs: string[];
  /** Environment for the kernel (set inside; nothing else is). */
  env: Record<string, string>;
}

/** The bwrap options that build the sandbox, without the command. */
export function bwrapOptions(layout: SandboxLayout): string[] {
  const { root, deno, denoJson, libraryDirs, env } = layout;
  const ro = (from: string, to = from) => ["--ro-bind", from, to];
  const vars: Record<string, string> = {
    HOME: SANDBOX_HOME,
    DENO_DIR: `${SANDBOX_HOME}/.cache/deno`,
    TMPDIR: "/tmp",
    PATH: "/usr/bin:/bin",
    NO_COLOR: "1",
    DENO_NO_UPDATE_CHECK: "1",
    DENO_NO_PROMPT: "1",
    ...env,
  };
  return [
    "--die-with-parent",
    "--unshare-user-try",
    "--unshare-pid",
    "--unshare-ipc",
    "--unshare-uts",
    "--unshare-cgroup-try",
    "--hostname",
    "grading",
    "--clearenv",
    ...Object.entries(vars).flatMap(([k, v]) => ["--setenv", k, v]),
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    "--tmpfs",
    "/tmp",
    "--tmpfs",
    SANDBOX_HOME,
    ...libraryDirs.flatMap((d) => ro(d)),
    ...ro(deno),
    ...["lib", "data", "node_modules", "deno.lock"].flatMap((p) => ro(`${root}/${p}`)),
    ...ro(denoJson, `${root}/deno.json`),
    "--dir",
    `${root}/${WORK_FOLDER}`,
    "--chdir",
    `${root}/${WORK_FOLDER}`,
  ];
}

/** The `kernel.json` of the sandboxed Deno kernel (Jupyter substitutes `{connection_file}`). */
export function sandboxedKernelspec(layout: SandboxLayout & { bwrap: string }): Record<string, unknown> {
  return {
    argv: [
      layout.bwrap,
      ...bwrapOptions(layout),
      ...["--ro-bind", "{connection_file}", CONNECTION_FILE],
      "--",
      layout.deno,
      "jupyter",
      "--kernel",
      "--conn",
      CONNECTION_FILE,
    ],
    display_name: "Deno (grading sandbox)",
    language: "typescript",
    env: {},
  };
}

async function run(cmd: string, args: string[]): Promise<{ ok: boolean; out: string; err: string }> {
  try {
    const o = await new Deno.Command(cmd, { args, stdout: "piped", stderr: "piped", stdin: "null" }).output();
    const d = new TextDecoder();
    return { ok: o.success, out: d.decode(o.stdout), err: d.decode(o.stderr).trim() };
  } catch (e) {
    return { ok: false, out: "", err: (e as Error).message };
  }
}

/** Folders of the shared libraries `binary` links, from `ldd` (real paths); the usual ones without ldd. */
export async function libraryDirsOf(binary: string): Promise<string[]> {
  const ldd = await run("ldd", [binary]);
  const paths = ldd.ok ? [...ldd.out.matchAll(/(\/\S+\.so[.\d]*)/g)].map((m) => m[1]) : [];
  const dirs = new Set<string>();
  for (const p of paths) {
    for (const candidate of [p, await Deno.realPath(p).catch(() => p)]) {
      dirs.add(candidate.slice(0, candidate.lastIndexOf("/")));
    }
  }
  if (dirs.size === 0) {
    for (const d of ["/lib", "/lib64", "/usr/lib", "/usr/lib64"]) {
      if (await Deno.stat(d).then(() => true, () => false)) dirs.add(d);
    }
  }
  // A folder that is a symlink (/lib64 → usr/lib64 on merged-/usr systems) is bound as the folder it names.
  return [...dirs].sort();
}

/** Why the sandbox cannot start, or "" when it can: runs `deno --version` inside it. */
export async function probeSandbox(layout: SandboxLayout & { bwrap: string }): Promise<string> {
  const probe = await run(layout.bwrap, [...bwrapOptions(layout), "--", layout.deno, "--version"]);
  if (probe.ok) return "";
  if (/No such file|not found|ENOENT/i.test(probe.err) && !probe.err.startsWith("bwrap:")) {
    return `bubblewrap (bwrap) is not installed (${probe.err}); on Debian/Ubuntu: sudo apt-get install bubblewrap`;
  }
  return `bubblewrap could not start a sandbox here: ${probe.err || "it exited with an error"} ` +
    `(user namespaces may be disabled: see the README, "Confinement")`;
}

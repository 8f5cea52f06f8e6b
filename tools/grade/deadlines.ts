/**
 * Deadlines for one graded run: a per-submission watchdog that interrupts the kernel (which ends a Deno
 * kernel), a deadline for the kernel to start and load the library, and a last-resort deadline after which the
 * grader shuts the session down and stops waiting.
 *
 * @module
 */
import type { JupyterServer } from "../jupyter/server.ts";
import { executeNotebook, type Execution } from "../notebook/execute.ts";
import type { Notebook } from "../notebook/nbformat.ts";

/** The session (and its kernel) whose notebook path is `path` (relative to the server root), or null. */
async function sessionFor(
  server: JupyterServer,
  path: string,
): Promise<{ id: string; kernel: string } | null> {
  const r = await fetch(`${server.baseUrl}api/sessions`, {
    headers: { Authorization: `token ${server.token}` },
  });
  if (!r.ok) {
    await r.body?.cancel();
    return null;
  }
  const sessions = await r.json() as {
    id: string;
    path?: string;
    notebook?: { path?: string };
    kernel?: { id: string };
  }[];
  // The runner gives each session a unique suffix (`<path>.<id>`), so that concurrent runs never share one.
  const s = sessions.find((x) => {
    const p = x.path ?? x.notebook?.path ?? "";
    return p === path || p.startsWith(`${path}.`);
  });
  return s?.kernel ? { id: s.id, kernel: s.kernel.id } : null;
}

/**
 * Shut down the session of `path` (and its kernel) through the REST API. A session still being created
 * appears later: wait for it up to `waitSeconds`. Returns false if there was none.
 */
export async function shutDownSession(
  server: JupyterServer,
  path: string,
  options: { waitSeconds?: number } = {},
): Promise<boolean> {
  const deadline = performance.now() + (options.waitSeconds ?? 10) * 1000;
  let s = await sessionFor(server, path).catch(() => null);
  while (!s && performance.now() < deadline) {
    await new Promise((res) => setTimeout(res, 300));
    s = await sessionFor(server, path).catch(() => null);
  }
  if (!s) return false;
  const r = await fetch(`${server.baseUrl}api/sessions/${s.id}`, {
    method: "DELETE",
    headers: { Authorization: `token ${server.token}` },
  }).catch(() => null);
  await r?.body?.cancel();
  return r?.ok ?? false;
}

// A kernel shut down or restarted under @jupyterlab/services makes it cancel pending requests (kernel_info,
// execute) in promises nobody awaits; those rejections are expected here and must not end a batch.
globalThis.addEventListener("unhandledrejection", (event) => {
  const reason = (event as PromiseRejectionEvent).reason as Error | undefined;
  if (
    typeof reason?.message === "string" &&
    /^Canceled future for \w+ message before replies were done/.test(reason.message)
  ) {
    event.preventDefault();
  }
});

/**
 * Interrupt the kernel running `path` after `seconds` (Deno's kernel ends on an interrupt, so the runner
 * stops the notebook and reports a dead kernel). Returns `fired()` and `cancel()`.
 */
export function watchdog(
  server: JupyterServer,
  options: { path: string; seconds: number },
): { fired(): boolean; cancel(): void } {
  const { path, seconds } = options;
  let fired = false;
  const fire = async () => {
    fired = true;
    for (let attempt = 0; attempt < 5; attempt++) {
      const session = await sessionFor(server, path).catch(() => null);
      if (session) {
        const r = await fetch(`${server.baseUrl}api/kernels/${session.kernel}/interrupt`, {
          method: "POST",
          headers: { Authorization: `token ${server.token}` },
        }).catch(() => null);
        await r?.body?.cancel();
        return;
      }
      await new Promise((res) => setTimeout(res, 200));
    }
  };
  const timer = setTimeout(fire, seconds * 1000);
  return {
    fired: () => fired,
    cancel: () => clearTimeout(timer),
  };
}

/** How a run under deadlines ended. */
export interface Run {
  exec: Execution | null;
  /** Whether the preamble (the first cell) finished. */
  started: boolean;
  /** Whether the per-submission watchdog fired. */
  dogFired: boolean;
  /** Why the grader gave up waiting on the runner ("" if it did not). */
  stuck: string;
}

/**
 * Execute through the runner, with the per-submission watchdog, a deadline for the kernel to start and load
 * the library, and a last-resort deadline after which the grader shuts the session down and stops waiting.
 */
export async function executeWithDeadlines(
  server: JupyterServer,
  nb: Notebook,
  limits: {
    path: string;
    cellTimeoutSeconds: number;
    submissionTimeoutSeconds: number;
    startTimeoutSeconds: number;
    /** The kernel to run (the sandboxed one). Default "deno". */
    kernelName?: string;
  },
): Promise<Run> {
  const rel = limits.path;
  const dog = watchdog(server, { path: rel, seconds: limits.submissionTimeoutSeconds });
  let started = false;
  const execution = executeNotebook(server, nb, {
    path: rel,
    kernelName: limits.kernelName ?? "deno",
    cellTimeoutSeconds: limits.cellTimeoutSeconds,
    kernelStartTimeoutSeconds: limits.startTimeoutSeconds,
    // A student's cell that raises must not zero the checks after it; the grader's preamble (cell 0) must
    // not fail at all: without it nothing after it is confined or graded.
    continueAfterError: (f) => f.cellIndex > 0,
    onCell: () => started = true,
  });
  execution.catch(() => {}); // if the grader stops waiting, a late rejection is expected
  const hard = limits.submissionTimeoutSeconds + limits.cellTimeoutSeconds + 60;
  let timer: ReturnType<typeof setInterval> | undefined;
  const stuck = new Promise<string>((resolve) => {
    const t0 = performance.now();
    timer = setInterval(() => {
      const s = (performance.now() - t0) / 1000;
      if (!started && s > limits.startTimeoutSeconds) {
        resolve(`the kernel did not start and load the library within ${limits.startTimeoutSeconds} s`);
      } else if (s > hard) resolve(`the grader stopped waiting for the kernel after ${Math.round(s)} s`);
    }, 250);
  });
  try {
    const outcome = await Promise.race([
      // The runner gives up on a kernel that does not answer (kernelStartTimeoutSeconds) by rejecting.
      execution.then((exec) => ({ exec, stuck: "" }), (e: Error) => ({ exec: null, stuck: e.message })),
      stuck.then((why) => ({ exec: null, stuck: why })),
    ]);
    if (outcome.stuck) await shutDownSession(server, rel);
    return { exec: outcome.exec, started, dogFired: dog.fired(), stuck: outcome.stuck };
  } finally {
    clearInterval(timer);
    dog.cancel();
  }
}

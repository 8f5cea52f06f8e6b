/**
 * Execute one notebook cell by cell in a fresh kernel of a real Jupyter server, through
 * `@jupyterlab/services`.
 *
 * - Outputs are collected from the kernel's IOPub stream by `parent_header.msg_id`: the Deno kernel publishes
 *   some outputs after it reports `idle` (DESIGN.md, "Executing notebooks", up to ≈ 8 ms late). After each cell
 *   the runner waits until IOPub has been quiet for `drainMs` (15 ms) before sending the next one, so that a late
 *   output is not attributed by the kernel to the next cell; routing by msg_id catches anything later still.
 * - `update_display_data` replaces the earlier output with the same `display_id` (live progress).
 * - A cell that runs past its timeout is interrupted; a kernel that dies is reported with the cell index.
 * - Execution stops at the first error. The source notebook is never modified: a copy is returned.
 *
 * @module
 */
import {
  KernelManager,
  type KernelMessage,
  ServerConnection,
  type Session,
  SessionManager,
} from "@jupyterlab/services";
import type { Notebook, Output } from "./nbformat.ts";
import { sourceOf, splitLines } from "./nbformat.ts";
import type { JupyterServer } from "../jupyter/server.ts";

// @jupyterlab/services logs every WebSocket start and kernel status change (console.debug), reconnections
// (console.warn) and the server's traceback when a request fails (console.error). The runner reports kernel
// deaths and timeouts itself, with the cell that caused them, and retries the failed request.
const quiet =
  /^(Starting WebSocket|Connection lost, reconnecting|Kernel: |Traceback \(most recent call last\))/;
for (const level of ["debug", "warn", "error"] as const) {
  const original = console[level];
  console[level] = (...args: unknown[]) => {
    if (typeof args[0] === "string" && quiet.test(args[0])) return;
    original(...args);
  };
}
// When a kernel dies, the server restarts it and @jupyterlab/services reconnects in a promise nobody awaits;
// disposing the connection then rejects it. That rejection is expected and must not end the run.
globalThis.addEventListener("unhandledrejection", (event) => {
  const reason = (event as PromiseRejectionEvent).reason as Error | undefined;
  if (reason?.message === "Kernel connection disconnected" || reason?.message === "Kernel is dead") {
    event.preventDefault();
  }
});

/** Where and why a notebook stopped. */
export interface CellFailure {
  /** 0-based index into `cells`. */
  cellIndex: number;
  /** "error" (the cell raised), "timeout", or "dead-kernel". */
  kind: "error" | "timeout" | "dead-kernel";
  ename: string;
  evalue: string;
  traceback: string[];
}

/** Result of {@linkcode executeNotebook}. */
export interface Execution {
  notebook: Notebook;
  failure: CellFailure | null;
  /** Seconds from the request for a kernel to its first `idle`. */
  kernelStartSeconds: number;
  /** Seconds spent executing cells. */
  executeSeconds: number;
  /** Per code cell: index and seconds. */
  cellSeconds: { cellIndex: number; seconds: number }[];
}

/** Options of {@linkcode executeNotebook}. */
export interface ExecuteOptions {
  /** Path of the notebook relative to the server root; the kernel's working directory is its folder. */
  path: string;
  /** Kernel name. Default "deno". */
  kernelName?: string;
  /** Seconds a single cell may run before it is interrupted. Default 120. */
  cellTimeoutSeconds?: number;
  /** Milliseconds of IOPub quiet after a cell reports idle before the next cell is sent. Default 15. */
  drainMs?: number;
  /** Seconds to wait for a kernel to start and answer, per attempt (three attempts). Default 30. */
  kernelStartTimeoutSeconds?: number;
  /** Called after each code cell. */
  onCell?: (info: { cellIndex: number; seconds: number; failed: boolean }) => void;
}

// Terminal colour codes in tracebacks.
// deno-lint-ignore no-control-regex
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/** `@jupyterlab/services` settings for a server. */
export function serverSettings(server: JupyterServer): ServerConnection.ISettings {
  return ServerConnection.makeSettings({
    baseUrl: server.baseUrl,
    wsUrl: server.baseUrl.replace(/^http/, "ws"),
    token: server.token,
    appendToken: true,
    fetch: globalThis.fetch.bind(globalThis),
    Request: globalThis.Request,
    Headers: globalThis.Headers,
    WebSocket: globalThis.WebSocket,
  } as Partial<ServerConnection.ISettings>);
}

function delay(ms: number): Promise<void> {
  return new Promise((res) => setTimeout(res, ms));
}

/**
 * Start a session with a kernel that answers. The Deno kernel occasionally never answers its first
 * `kernel_info_request` (≈ 1–2% of starts, on a plain server too): ask once more, then start over, up to three
 * times.
 */
async function startSession(
  sessionManager: SessionManager,
  options: ExecuteOptions,
): Promise<Session.ISessionConnection> {
  const seconds = options.kernelStartTimeoutSeconds ?? 30;
  const name = options.kernelName ?? "deno";
  let lastError: Error = new Error("no attempt");
  for (let attempt = 1; attempt <= 3; attempt++) {
    let session: Session.ISessionConnection | undefined;
    try {
      session = await withDeadline(
        sessionManager.startNew({
          // The server keeps one session per path; a unique suffix keeps concurrent runs of one notebook apart
          // while the kernel's working directory stays the notebook's folder.
          path: `${options.path}.${crypto.randomUUID().slice(0, 8)}`,
          name: options.path.split("/").pop() ?? options.path,
          type: "notebook",
          kernel: { name },
        }),
        seconds,
        `the server did not start a "${name}" kernel for ${options.path} within ${seconds} s`,
      );
      const kernel = session.kernel;
      if (!kernel) throw new Error(`the server started no kernel for ${options.path}`);
      try {
        await withDeadline(kernel.info, 10, "no kernel_info reply");
      } catch {
        await withDeadline(
          kernel.requestKernelInfo(),
          seconds,
          `the "${name}" kernel for ${options.path} did not answer within ${seconds} s of starting`,
        );
      }
      return session;
    } catch (e) {
      lastError = e as Error;
      if (session) {
        await Promise.race([session.shutdown().catch(() => {}), delay(5000)]);
        session.dispose();
      }
    }
  }
  throw new Error(`${lastError.message} (tried 3 times)`);
}

/** `promise`, or an Error with `message` if it has not settled after `seconds`. */
async function withDeadline<T>(promise: Promise<T>, seconds: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => timer = setTimeout(() => reject(new Error(message)), seconds * 1000)),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Convert an IOPub message into an nbformat output, or null if it is not one. */
function toOutput(msg: KernelMessage.IIOPubMessage, executionCount: number | null): Output | null {
  const c = msg.content as Record<string, unknown>;
  switch (msg.header.msg_type) {
    case "stream":
      return { output_type: "stream", name: c.name as "stdout" | "stderr", text: splitLines(String(c.text)) };
    case "display_data":
      return {
        output_type: "display_data",
        data: c.data as Record<string, unknown>,
        metadata: (c.metadata ?? {}) as Record<string, unknown>,
      };
    case "execute_result":
      return {
        output_type: "execute_result",
        execution_count: executionCount,
        data: c.data as Record<string, unknown>,
        metadata: (c.metadata ?? {}) as Record<string, unknown>,
      };
    case "error":
      return {
        output_type: "error",
        ename: String(c.ename),
        evalue: String(c.evalue),
        traceback: (c.traceback as string[] ?? []).map((l) => l.replace(ANSI, "")),
      };
    default:
      return null;
  }
}

/** The last few lines the cell wrote to stderr, on one line (for an error without a message). */
function stderrTail(outputs: Output[]): string {
  const text = outputs.filter((o) => o.output_type === "stream" && o.name === "stderr")
    .map((o) => (o.output_type === "stream" ? (Array.isArray(o.text) ? o.text.join("") : o.text) : "")).join(
      "",
    );
  return text.trim().split("\n").slice(-4).join(" | ").slice(0, 500);
}

/** Merge consecutive stream outputs of the same name, as Jupyter front ends do. */
function mergeStreams(outputs: Output[]): Output[] {
  const merged: Output[] = [];
  for (const o of outputs) {
    const last = merged[merged.length - 1];
    if (o.output_type === "stream" && last?.output_type === "stream" && last.name === o.name) {
      const text = [last.text, o.text].map((t) => (Array.isArray(t) ? t.join("") : t)).join("");
      merged[merged.length - 1] = { ...last, text: splitLines(text) };
    } else merged.push(o);
  }
  return merged;
}

/**
 * Run every code cell of `nb` in a fresh kernel and return the executed copy.
 */
export async function executeNotebook(
  server: JupyterServer,
  nb: Notebook,
  options: ExecuteOptions,
): Promise<Execution> {
  const settings = serverSettings(server);
  const kernelManager = new KernelManager({ serverSettings: settings });
  const sessionManager = new SessionManager({ kernelManager, serverSettings: settings });
  const drainMs = options.drainMs ?? 15;
  const timeoutMs = (options.cellTimeoutSeconds ?? 120) * 1000;
  const out = structuredClone(nb);
  const t0 = performance.now();
  const session = await startSession(sessionManager, options);
  const kernel = session.kernel!;

  // Outputs by the msg_id of the execute request that caused them.
  const byParent = new Map<string, { outputs: Output[]; count: number | null }>();
  // display_id → every output object that carries it (for update_display_data).
  const displays = new Map<string, Output[]>();
  let lastMessage = performance.now();
  let dead = false;
  let deadResolve: () => void = () => {};
  const deadPromise = new Promise<void>((res) => deadResolve = res);
  kernel.statusChanged.connect((_, status) => {
    if (status === "dead" || status === "autorestarting" || status === "restarting") {
      dead = true;
      deadResolve();
    }
  });
  kernel.iopubMessage.connect((_, msg) => {
    const parent = (msg.parent_header as KernelMessage.IHeader | undefined)?.msg_id;
    if (!parent) return;
    const slot = byParent.get(parent);
    lastMessage = performance.now();
    const type = msg.header.msg_type;
    if (type === "update_display_data") {
      const c = msg.content as {
        data: Record<string, unknown>;
        metadata: Record<string, unknown>;
        transient?: { display_id?: string };
      };
      const id = c.transient?.display_id;
      for (const o of (id ? displays.get(id) : undefined) ?? []) {
        if (o.output_type === "display_data" || o.output_type === "execute_result") {
          o.data = c.data;
          o.metadata = c.metadata ?? {};
        }
      }
      return;
    }
    if (!slot) return;
    if (type === "clear_output") {
      slot.outputs.length = 0;
      return;
    }
    if (type === "execute_input") {
      slot.count = (msg.content as { execution_count: number }).execution_count;
      return;
    }
    const o = toOutput(msg, slot.count);
    if (!o) return;
    const id = (msg.content as { transient?: { display_id?: string } }).transient?.display_id;
    if (id) displays.set(id, [...(displays.get(id) ?? []), o]);
    slot.outputs.push(o);
  });

  // Wait until the kernel is ready.
  const kernelStartSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  let failure: CellFailure | null = null;
  const cellSeconds: { cellIndex: number; seconds: number }[] = [];

  try {
    for (let i = 0; i < out.cells.length && !failure; i++) {
      const cell = out.cells[i];
      if (cell.cell_type !== "code") continue;
      cell.outputs = [];
      cell.execution_count = null;
      const code = sourceOf(cell);
      if (code.trim() === "") continue;
      const start = performance.now();
      const future = kernel.requestExecute({
        code,
        stop_on_error: true,
        store_history: true,
        allow_stdin: false,
      });
      const msgId = future.msg.header.msg_id;
      const slot = { outputs: [] as Output[], count: null as number | null };
      byParent.set(msgId, slot);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const outcome = await Promise.race([
        future.done.then((reply) => ({ kind: "done" as const, reply })).catch((e) => ({
          kind: "rejected" as const,
          e,
        })),
        new Promise<{ kind: "timeout" }>((res) =>
          timer = setTimeout(() => res({ kind: "timeout" }), timeoutMs)
        ),
        deadPromise.then(() => ({ kind: "dead" as const })),
      ]);
      clearTimeout(timer);
      if (outcome.kind === "timeout") {
        await withDeadline(kernel.interrupt(), 10, "interrupt request unanswered").catch(() => {});
        const settled = await Promise.race([
          future.done.then(() => true, () => true),
          delay(3000).then(() => false),
        ]);
        failure = {
          cellIndex: i,
          kind: "timeout",
          ename: "CellTimeout",
          evalue: `cell ${i} did not finish within ${timeoutMs / 1000} s; the runner interrupted the kernel` +
            (settled ? "" : " (it did not respond and was shut down)") +
            ` and skipped the remaining cells. Look for an endless loop, or raise the limit with --timeout SECONDS.`,
          traceback: [],
        };
      } else if (outcome.kind === "dead" || dead) {
        failure = {
          cellIndex: i,
          kind: "dead-kernel",
          ename: "DeadKernel",
          evalue:
            `the kernel died while running cell ${i} (did the cell exhaust memory, or call Deno.exit?). ` +
            `Later cells were not run.`,
          traceback: [],
        };
      } else {
        if (outcome.kind === "rejected") {
          failure = {
            cellIndex: i,
            kind: "error",
            ename: "ExecuteRequestFailed",
            evalue: String((outcome.e as Error)?.message ?? outcome.e),
            traceback: [],
          };
        } else if (outcome.reply.content.status !== "ok") {
          const err = slot.outputs.find((o) => o.output_type === "error");
          const c = outcome.reply.content as { ename?: string; evalue?: string; traceback?: string[] };
          failure = {
            cellIndex: i,
            kind: "error",
            ename: err?.output_type === "error" ? err.ename : String(c.ename ?? "Error"),
            evalue: err?.output_type === "error" ? err.evalue : String(c.evalue ?? ""),
            traceback: (err?.output_type === "error" ? err.traceback : c.traceback ?? []).map((l) =>
              l.replace(ANSI, "")
            ),
          };
          // Some kernels (tslab) report a compile error with an empty message and explain it on stderr.
          if (!failure.evalue.trim()) failure.evalue = stderrTail(slot.outputs);
        }
      }
      if (failure && failure.kind !== "error") {
        slot.outputs.push({
          output_type: "error",
          ename: failure.ename,
          evalue: failure.evalue,
          traceback: [],
        });
      }
      // Late outputs: quiet for drainMs after idle (bounded, so a timer that keeps printing cannot hold the run).
      if (!failure) {
        const until = performance.now() + 2000;
        while (performance.now() - lastMessage < drainMs && performance.now() < until) {
          await delay(Math.max(1, drainMs - (performance.now() - lastMessage)));
        }
      }
      cell.outputs = slot.outputs;
      cell.execution_count = slot.count;
      const seconds = (performance.now() - start) / 1000;
      cellSeconds.push({ cellIndex: i, seconds });
      options.onCell?.({ cellIndex: i, seconds, failed: failure !== null });
    }
  } finally {
    // Late outputs of any cell: wait until IOPub has been quiet for drainMs (at most 2 s: a timer that keeps
    // printing must not hold the run forever).
    const drainDeadline = performance.now() + 2000;
    while (performance.now() - lastMessage < drainMs && performance.now() < drainDeadline) {
      await delay(Math.max(1, drainMs - (performance.now() - lastMessage)));
    }
    const executeSeconds = (performance.now() - t1) / 1000;
    // Shut the session down. While the server restarts a dead or interrupted kernel, jupyter_client refuses to
    // shut it down (InvalidStateError), so retry for a while; a stuck kernel must not stall the run.
    const deadline = performance.now() + 15_000;
    while (performance.now() < deadline) {
      const ok = await Promise.race([
        session.shutdown().then(() => true, () => false),
        delay(5000).then(() => false),
      ]);
      if (ok) break;
      await delay(300);
    }
    session.dispose();
    sessionManager.dispose();
    kernelManager.dispose();
    for (const cell of out.cells) if (cell.outputs) cell.outputs = mergeStreams(cell.outputs);
    // deno-lint-ignore no-unsafe-finally
    return { notebook: out, failure, kernelStartSeconds, executeSeconds, cellSeconds };
  }
}

/** Every output in the executed notebook carrying `mime`, in order, with its cell index. */
export function outputsWithMime(nb: Notebook, mime: string): { cellIndex: number; value: unknown }[] {
  const found: { cellIndex: number; value: unknown }[] = [];
  nb.cells.forEach((cell, cellIndex) => {
    for (const o of cell.outputs ?? []) {
      if ((o.output_type === "display_data" || o.output_type === "execute_result") && mime in o.data) {
        found.push({ cellIndex, value: o.data[mime] });
      }
    }
  });
  return found;
}

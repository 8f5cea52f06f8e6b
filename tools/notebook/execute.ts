/**
 * Execute one notebook cell by cell in a fresh kernel of a real Jupyter server, through
 * `@jupyterlab/services`.
 *
 * - Outputs are collected from the kernel's IOPub stream by `parent_header.msg_id`.
 * - **Why outputs come late.** Deno's kernel (2.9: `cli/js/jupyter_kernel.js` in denoland/deno, whose text
 *   ships in the `deno` binary) speaks the Jupyter protocol on its main thread and runs the cell on a REPL
 *   thread. Everything the cell prints or displays (`console.log`/`console.error` through `op_print`,
 *   `Deno.jupyter.display`/`broadcast` through `op_jupyter_broadcast`, and the cell's result, which the REPL
 *   broadcasts too) goes onto one unbounded first-in-first-out channel, without a parent header
 *   (`cli/ops/jupyter.rs`). A loop on the main thread (`iopubDrainer`) takes the messages off one at a time
 *   and publishes each with the parent header that is current _when it publishes_. Meanwhile `handleExecute`
 *   sends the reply and `idle` as soon as the evaluation returns, without waiting for that loop, and makes the
 *   next execute request current the moment it arrives. So a cell's outputs can reach IOPub after its `idle`,
 *   and once the next cell has arrived they carry the next cell's msg_id. Measured with the next cell sent as
 *   soon as `idle` arrived (1000 cells per run, 2 cores): lightly loaded, 3% of displays, 5% of stdout and
 *   16% of stderr prints, 24% of results and 82% of prints from `setTimeout(…, 0)` arrived after `idle`, up
 *   to 7 ms after it, and 1% of the timer prints were filed under the next cell; with two CPU-bound processes alongside, a result came
 *   24 ms after `idle`, longer than the 15 ms of quiet this runner used to wait for. No quiet period is safe
 *   under load, and sending the next cell at once loses outputs.
 * - **The barrier.** Right behind each cell the runner sends a silent execute request (no execution count, no
 *   result) whose code waits for one zero-delay timer and then broadcasts a marker with a fresh random id. The
 *   marker travels through the same channel, after everything the cell put there: the REPL thread handles
 *   requests in order and runs timers between them (`cli/tools/jupyter/mod.rs`), and the barrier's timer
 *   fires after every zero-delay timer the cell set before it. When the marker arrives, every output the cell
 *   produced synchronously, in promise callbacks or in those timers has been published, stamped with the
 *   cell's msg_id or the barrier's (the runner files both under the cell); only then is the next cell sent.
 *   Nothing depends on timing: in 1000 cells with 1800 outputs, none went astray, lightly loaded or with two
 *   CPU-bound processes alongside. A trivial cell costs about 16 ms instead of 23 (21 instead of 26 under
 *   that load): the barrier is one more request for the kernel to handle. Output that code schedules for
 *   later (longer timers, I/O) goes to the cell that is running when it is published, as in any kernel.
 * - The barrier calls `setTimeout` and `Deno.jupyter.broadcast` through copies taken by a silent setup request
 *   before the first cell, so that a notebook that replaces them (fake timers) cannot stall it. If a barrier
 *   fails, or its marker does not come within 2 s, or the kernel is not Deno's 2.9 or later (tslab), the
 *   runner falls back to waiting until IOPub has been quiet for `drainMs` (15 ms) after each cell; routing by
 *   msg_id catches anything later still.
 * - `update_display_data` replaces the earlier output with the same `display_id` (live progress).
 * - A cell that runs past its timeout is interrupted; a kernel that dies is reported with the cell index.
 * - Execution stops at the first error (or, with `continueAfterError`, goes on after a cell that raised). The
 *   source notebook is never modified: a copy is returned.
 *
 * @module
 */
import {
  type Kernel,
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
// disposing the connection then rejects it. Likewise the kernel_info_request it sends on every (re)connection
// without catching it: when the kernel never answered it (Deno's kernel, ≈ 1–2% of starts; startSession) and
// the session is disposed, the request is cancelled. Those rejections are expected and must not end the run.
const expectedRejection =
  /^(Kernel connection disconnected|Kernel is dead|Canceled future for \w+ message before replies were done)/;
globalThis.addEventListener("unhandledrejection", (event) => {
  const reason = (event as PromiseRejectionEvent).reason as Error | undefined;
  if (typeof reason?.message === "string" && expectedRejection.test(reason.message)) event.preventDefault();
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
  /** The first cell that failed, or null. */
  failure: CellFailure | null;
  /**
   * Every cell that failed, in order: at most one, unless `continueAfterError` let later cells run after a
   * cell raised.
   */
  errors: CellFailure[];
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
  /**
   * Go on with the next cells after a cell raises an error (default false: stop at the first error); a
   * function decides per failed cell. The grader uses it so that one broken exercise does not zero the
   * checks after it. A timeout or a dead kernel always ends the run: the kernel's state is gone.
   */
  continueAfterError?: boolean | ((failure: CellFailure) => boolean);
  /**
   * Milliseconds of IOPub quiet to wait for after a cell when no barrier is used (a kernel other than Deno's,
   * a failed barrier, or `barrier: false`). Default 15.
   */
  drainMs?: number;
  /**
   * Follow each cell with a barrier request and send the next cell only when its marker has arrived (module
   * documentation). Default true; used only with Deno's kernel 2.9 or later.
   */
  barrier?: boolean;
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
        // A kernel that starts slowly (tslab under load: Node loads the TypeScript compiler first) is not
        // connected yet, and @jupyterlab/services refuses a kernel_info_request before it is: wait for that.
        await withDeadline(
          connected(kernel),
          seconds,
          `the "${name}" kernel for ${options.path} did not connect within ${seconds} s of starting`,
        );
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

/** Resolves once the kernel's websocket is connected (at once if it is). */
function connected(kernel: Kernel.IKernelConnection): Promise<void> {
  if (kernel.connectionStatus === "connected") return Promise.resolve();
  return new Promise((resolve) => {
    const onChange = (_: unknown, status: string) => {
      if (status !== "connected") return;
      kernel.connectionStatusChanged.disconnect(onChange);
      resolve();
    };
    kernel.connectionStatusChanged.connect(onChange);
  });
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

/** MIME type of the barrier's marker (never stored in the notebook). */
const BARRIER_MIME = "application/vnd.learning-mechanics.runner-barrier";
/** How long to wait for a barrier's marker before falling back to the quiet drain. */
const BARRIER_WAIT_MS = 2000;

/**
 * Whether the kernel is Deno's with the single output channel the barrier relies on (2.9 or later; module
 * documentation).
 */
function barrierWorks(info: KernelMessage.IInfoReply | undefined): boolean {
  if (info?.implementation !== "Deno kernel") return false;
  const [major, minor] = String(info.implementation_version ?? "").split(".").map(Number);
  return major > 2 || (major === 2 && minor >= 9);
}

/**
 * Source of the setup request: defines, under a random global name, a function that waits one zero-delay
 * timer and broadcasts the marker `nonce`, with private copies of `setTimeout`, `Promise` and
 * `Deno.jupyter.broadcast` (so that notebook code replacing them cannot stall the barrier).
 */
function barrierSetupSource(name: string): string {
  const mime = JSON.stringify(BARRIER_MIME);
  return [
    `Object.defineProperty(globalThis, ${JSON.stringify(name)}, {`,
    `  value: ((setTimeout, P, broadcast) => async (nonce) => {`,
    `    await new P((resolve) => setTimeout(resolve, 0));`,
    `    await broadcast("display_data", { data: { [${mime}]: nonce }, metadata: {}, transient: {} });`,
    `  })(globalThis.setTimeout, Promise, Deno.jupyter.broadcast.bind(Deno.jupyter)),`,
    `  enumerable: false, writable: false, configurable: false,`,
    `});`,
  ].join("\n");
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
  type Slot = { outputs: Output[]; count: number | null };
  const byParent = new Map<string, Slot>();
  // A barrier's msg_id → the slot of the cell it follows: the cell's late outputs may carry the barrier's id.
  const barrierSlots = new Map<string, Slot>();
  // Marker id → resolves its barrier.
  const markers = new Map<string, () => void>();
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
    lastMessage = performance.now();
    const type = msg.header.msg_type;
    let slot = byParent.get(parent);
    const cellOfBarrier = barrierSlots.get(parent);
    if (cellOfBarrier) {
      const marker = type === "display_data"
        ? (msg.content as { data?: Record<string, unknown> }).data?.[BARRIER_MIME]
        : undefined;
      if (typeof marker === "string") {
        markers.get(marker)?.();
        return;
      }
      // The barrier's own input and errors are not the cell's (a failed barrier is noticed from its reply).
      if (type === "execute_input" || type === "error") return;
      slot = cellOfBarrier;
    }
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
  const errors: CellFailure[] = [];
  let stopped = false;
  const cellSeconds: { cellIndex: number; seconds: number }[] = [];

  // Barriers (module documentation): set up before the first cell; queued in the kernel, not awaited here.
  const barrierName = `__lmRunnerBarrier_${crypto.randomUUID().replaceAll("-", "")}`;
  let barriers = options.barrier !== false &&
    barrierWorks(await withDeadline(kernel.info, 10, "no kernel_info").catch(() => undefined));
  if (barriers) {
    kernel.requestExecute({
      code: barrierSetupSource(barrierName),
      silent: true,
      store_history: false,
      allow_stdin: false,
    }).done.catch(() => {});
  }
  type Barrier = { marker: Promise<void>; reply: Promise<boolean>; replied: boolean };
  /** Send a barrier right behind the cell whose outputs go to `slot`. */
  const sendBarrier = (slot: Slot): Barrier => {
    const nonce = crypto.randomUUID();
    const marker = new Promise<void>((res) => markers.set(nonce, res));
    const future = kernel.requestExecute({
      code: `await ${barrierName}(${JSON.stringify(nonce)});`,
      silent: true,
      store_history: false,
      allow_stdin: false,
      stop_on_error: false,
    });
    barrierSlots.set(future.msg.header.msg_id, slot);
    const barrier: Barrier = { marker, reply: Promise.resolve(false), replied: false };
    barrier.reply = future.done.then((r) => r.content.status === "ok", () => false)
      .then((ok) => (barrier.replied = true, ok));
    marker.then(() => markers.delete(nonce));
    return barrier;
  };
  /**
   * Wait for a barrier's marker: true once it has arrived; false if the barrier failed, the kernel died, or
   * the marker did not come within BARRIER_WAIT_MS (then barriers are given up if the kernel answered the
   * barrier without its marker, or answered with an error).
   */
  const reach = async (barrier: Barrier): Promise<boolean> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reached = await Promise.race([
      barrier.marker.then(() => true),
      barrier.reply.then((ok) => ok ? new Promise<boolean>(() => {}) : false),
      deadPromise.then(() => false),
      new Promise<boolean>((res) => timer = setTimeout(() => res(false), BARRIER_WAIT_MS)),
    ]);
    clearTimeout(timer);
    if (!reached && !dead && barrier.replied) barriers = false;
    return reached;
  };
  /** Wait until IOPub has been quiet for drainMs (at most 2 s: a timer that keeps printing must not hold the run). */
  const drainQuiet = async () => {
    const until = performance.now() + 2000;
    while (performance.now() - lastMessage < drainMs && performance.now() < until) {
      await delay(Math.max(1, drainMs - (performance.now() - lastMessage)));
    }
  };
  // Whether every output of the cells run so far has been collected (the last cell's barrier was reached).
  let caughtUp = true;

  try {
    for (let i = 0; i < out.cells.length && !stopped; i++) {
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
      const slot: Slot = { outputs: [], count: null };
      byParent.set(msgId, slot);
      const barrier = barriers ? sendBarrier(slot) : null;
      let unresponsive = false;
      let cf: CellFailure | null = null;
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
        unresponsive = !settled;
        cf = {
          cellIndex: i,
          kind: "timeout",
          ename: "CellTimeout",
          evalue: `cell ${i} did not finish within ${timeoutMs / 1000} s; the runner interrupted the kernel` +
            (settled ? "" : " (it did not respond and was shut down)") +
            ` and skipped the remaining cells. Look for an endless loop, or raise the limit with --timeout SECONDS.`,
          traceback: [],
        };
      } else if (outcome.kind === "dead" || dead) {
        cf = {
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
          cf = {
            cellIndex: i,
            kind: "error",
            ename: "ExecuteRequestFailed",
            evalue: String((outcome.e as Error)?.message ?? outcome.e),
            traceback: [],
          };
        } else if (outcome.reply.content.status !== "ok") {
          const err = slot.outputs.find((o) => o.output_type === "error");
          const c = outcome.reply.content as { ename?: string; evalue?: string; traceback?: string[] };
          cf = {
            cellIndex: i,
            kind: "error",
            ename: err?.output_type === "error" ? err.ename : String(c.ename ?? "Error"),
            evalue: err?.output_type === "error" ? err.evalue : String(c.evalue ?? ""),
            traceback: (err?.output_type === "error" ? err.traceback : c.traceback ?? []).map((l) =>
              l.replace(ANSI, "")
            ),
          };
          // Some kernels (tslab) report a compile error with an empty message and explain it on stderr.
          if (!cf.evalue.trim()) cf.evalue = stderrTail(slot.outputs);
        }
      }
      if (cf && cf.kind !== "error") {
        slot.outputs.push({
          output_type: "error",
          ename: cf.ename,
          evalue: cf.evalue,
          traceback: [],
        });
      }
      if (cf) {
        errors.push(cf);
        failure ??= cf;
        // After a timeout or a dead kernel the kernel's state is gone: nothing later could run meaningfully.
        const goOn = options.continueAfterError;
        stopped = cf.kind !== "error" || !(typeof goOn === "function" ? goOn(cf) : goOn === true);
      }
      // Late outputs: the barrier's marker (also after a failed cell, whose late outputs belong to it), or else
      // quiet for drainMs before the next cell.
      caughtUp = barrier !== null && !dead && !unresponsive && await reach(barrier);
      if (!caughtUp && !cf) await drainQuiet();
      cell.outputs = slot.outputs;
      cell.execution_count = slot.count;
      const seconds = (performance.now() - start) / 1000;
      cellSeconds.push({ cellIndex: i, seconds });
      options.onCell?.({ cellIndex: i, seconds, failed: cf !== null });
    }
  } finally {
    // Late outputs of the last cell, unless its barrier has shown that there are none left.
    if (!caughtUp) await drainQuiet();
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
    return { notebook: out, failure, errors, kernelStartSeconds, executeSeconds, cellSeconds };
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

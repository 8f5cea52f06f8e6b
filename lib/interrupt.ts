/**
 * Interrupt (■) stops a library loop and keeps the kernel.
 *
 * Jupyter interrupts a kernel with SIGINT. Deno's default for SIGINT is to exit, so an interrupt used to end
 * the kernel and lose every variable. Under Deno's Jupyter kernel, {@linkcode installInterruptHandler}
 * (called by `setup()` and by the first library loop) changes that:
 *
 * - A small worker thread listens for SIGINT. It runs beside the cell, so it hears the signal even while the
 *   cell computes synchronously, and raises a flag in memory shared with the cell's thread.
 * - Library loops (training loops, sweeps, Lanczos) call {@linkcode checkInterrupt} once per step. It reads
 *   the flag (two atomic loads) and, when it is raised, throws an {@linkcode InterruptedError}: "Interrupted:
 *   trainFullBatch stopped at step 412; the kernel and your variables are kept." The cell ends with that
 *   error; every variable of earlier cells is still there.
 * - Code of the notebook's own that never calls a library loop cannot be stopped from outside: JavaScript has
 *   no way to stop a running function. If such code awaits (timers, I/O), the interrupt is dropped after one
 *   second and the cell goes on; restart the kernel to stop it. If it computes synchronously and does not
 *   return to the event loop within 2 s of the interrupt, nothing else could ever stop it, so the worker ends
 *   the kernel, as Deno's default would have, and writes why to the kernel's standard error (the terminal
 *   that runs Jupyter): "Interrupted: the cell was running synchronous code with no interrupt check … the
 *   kernel ends and its variables are lost".
 * - An interrupt while no cell runs is dropped after one second as well.
 *
 * Under Node (tslab) and outside a notebook nothing is installed and {@linkcode checkInterrupt} is a no-op:
 * Ctrl-C in a terminal still ends a script.
 *
 * @module
 */

/** Thrown by a library loop that noticed an interrupt. */
export class InterruptedError extends Error {
  /** `at`: a step number, or words ("run 3 of 12"). */
  constructor(where: string, at?: number | string) {
    const place = at === undefined ? "" : typeof at === "number" ? ` at step ${at}` : ` at ${at}`;
    super(`Interrupted: ${where} stopped${place}; the kernel and your variables are kept.`);
    this.name = "InterruptedError";
  }
}

/** The part of `Deno` this module uses, declared so the file also compiles for Node (tslab). */
interface DenoLike {
  build: { os: string };
  jupyter?: unknown;
}

// Shared counters: interrupts the worker heard; interrupts consumed (by a check, or dropped); the last
// interrupt the cell's thread answered a ping for (it was free to run its event loop).
const HEARD = 0;
const HANDLED = 1;
const ANSWERED = 2;

/** Milliseconds the cell's thread has to show that it is not stuck before the kernel is ended. */
export const STUCK_MS = 2000;
/** Milliseconds after which an interrupt that no library loop took is dropped. */
export const DROP_MS = 1000;
/** Milliseconds the listener may take to start; past that the kernel keeps Deno's default. */
const READY_MS = 5000;

let flags: Int32Array | null = null;
let worker: Worker | null = null;
let tried = false;

const WORKER_SOURCE = `
const [HEARD, HANDLED, ANSWERED] = [${HEARD}, ${HANDLED}, ${ANSWERED}];
self.onmessage = (e) => {
  const flags = new Int32Array(e.data.buffer);
  const { stuckMs, message } = e.data;
  Deno.addSignalListener("SIGINT", () => {
    const n = Atomics.add(flags, HEARD, 1) + 1;
    self.postMessage(n);
    setTimeout(() => {
      if (Atomics.load(flags, HANDLED) >= n || Atomics.load(flags, ANSWERED) >= n) return;
      try {
        const f = Deno.openSync("/dev/stderr", { write: true });
        f.writeSync(new TextEncoder().encode(message));
        f.close();
      } catch { /* no stderr to write to */ }
      Deno.kill(Deno.pid, "SIGKILL");
    }, stuckMs);
  });
  self.postMessage(0);
};
`;

const STUCK_MESSAGE =
  `\nInterrupted: the cell was running synchronous code with no interrupt check (code of the notebook's ` +
  `own, or a library call that never returns to the event loop) and did not stop within ${
    STUCK_MS / 1000
  } s. ` +
  `JavaScript cannot stop a running function from outside, so the kernel ends and its variables are lost. ` +
  `Library loops (training, sweeps, Lanczos) check for interrupts; put long loops of your own inside ` +
  `one, or check with checkInterrupt() from "learning-mechanics".\n`;

function deno(): DenoLike | undefined {
  return (globalThis as { Deno?: DenoLike }).Deno;
}

/** True inside Deno's Jupyter kernel (reading `Deno.jupyter` throws elsewhere). */
function inDenoKernel(): boolean {
  try {
    return deno()?.jupyter !== undefined;
  } catch {
    return false;
  }
}

/**
 * Make interrupts stop library loops instead of ending the kernel (module documentation). Does nothing
 * outside Deno's Jupyter kernel unless `force` (tests), and nothing the second time. Resolves when the
 * listener is in place; returns whether it is.
 */
export async function installInterruptHandler(options: { force?: boolean } = {}): Promise<boolean> {
  if (flags) return true;
  if (tried && !options.force) return false;
  tried = true;
  const d = deno();
  if (!d || d.build.os === "windows" || (!options.force && !inDenoKernel())) return false;
  const shared = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: "text/javascript" }));
  let w: Worker;
  try {
    w = new Worker(url, { type: "module" });
  } catch {
    return false; // no workers here: interrupts keep Deno's default (the kernel ends)
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ready = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_MS);
    w.onerror = (e) => {
      e.preventDefault();
      resolve(false);
    };
    w.onmessage = (e: MessageEvent<number>) => {
      if (e.data === 0) return resolve(true);
      // The cell's thread is free to run its event loop: not stuck. Drop the interrupt if no loop takes it.
      const n = e.data;
      Atomics.store(shared, ANSWERED, Math.max(n, Atomics.load(shared, ANSWERED)));
      setTimeout(() => {
        if (Atomics.load(shared, HANDLED) < n) Atomics.store(shared, HANDLED, n);
      }, DROP_MS);
    };
  });
  w.postMessage({ buffer: shared.buffer, stuckMs: STUCK_MS, message: STUCK_MESSAGE });
  flags = shared;
  worker = w;
  const ok = await ready;
  clearTimeout(timer);
  URL.revokeObjectURL(url);
  if (!ok) {
    // Keep Deno's default, and do not try again on every check.
    w.terminate();
    worker = null;
    flags = null;
  }
  return ok;
}

/** Remove the handler (tests, and scripts that want Ctrl-C to end them again). */
export function uninstallInterruptHandler(): void {
  worker?.terminate();
  worker = null;
  flags = null;
  tried = false;
}

/**
 * Throw an {@linkcode InterruptedError} if the kernel was interrupted since the last check; otherwise return
 * at once (two atomic loads). Library loops call it once per step; `where` names the loop and `at` the step
 * (a number, or words such as "run 3 of 12") for the message.
 *
 * @example
 * ```ts
 * import { checkInterrupt } from "./interrupt.ts";
 * for (let step = 0; step < 3; step++) checkInterrupt("myLoop", step);
 * ```
 */
export function checkInterrupt(where: string, at?: number | string): void {
  if (!flags) {
    if (!tried) void installInterruptHandler();
    return;
  }
  const heard = Atomics.load(flags, HEARD);
  if (heard > Atomics.load(flags, HANDLED)) {
    Atomics.store(flags, HANDLED, heard);
    throw new InterruptedError(where, at);
  }
}

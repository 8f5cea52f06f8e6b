/**
 * The first code cell of every notebook: `await setup()`. It makes interrupts stop library loops instead of
 * the kernel (lib/interrupt.ts), selects and verifies the TensorFlow.js backend, and reports the backend
 * once, in words for the reader and as a machine-readable record the runner
 * puts in the course report.
 *
 * @module
 */
import { describeBackend, initBackend } from "./backend.ts";
import { display } from "./display.ts";
import { installInterruptHandler } from "./interrupt.ts";
import { readableErrors } from "./readable_errors.ts";

import { BACKEND_MIME } from "./mime.ts";
export { BACKEND_MIME };

/**
 * Select the backend and report it. Resolves to nothing so that the cell shows the report line only;
 * `initBackend()` returns the report itself. It also makes errors readable (lib/readable_errors.ts): stacks
 * keep the cell's frames, fold the frames inside TensorFlow.js, and end with "→ in your cell, in f (line N …)".
 *
 * @example
 * ```ts
 * import { setup } from "./setup.ts";
 * await setup();
 * ```
 */
export async function setup(): Promise<void> {
  // In Deno's kernel, interrupt (■) then stops library loops and keeps the kernel (lib/interrupt.ts).
  await installInterruptHandler();
  readableErrors();
  const report = await initBackend();
  await display({
    "text/plain": `learning-mechanics: TensorFlow.js backend ${describeBackend(report)}`,
    [BACKEND_MIME]: report,
  });
}

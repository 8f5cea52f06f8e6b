/**
 * The first code cell of every notebook: `await setup()`. It selects and verifies the TensorFlow.js
 * backend and reports it once, in words for the reader and as a machine-readable record the runner
 * puts in the course report.
 *
 * @module
 */
import { type BackendReport, describeBackend, initBackend } from "./backend.ts";
import { display } from "./display.ts";

import { BACKEND_MIME } from "./mime.ts";
export { BACKEND_MIME };

/**
 * Select the backend and report it.
 *
 * @example
 * ```ts
 * import { setup } from "./setup.ts";
 * const report = await setup();
 * if (!["tensorflow", "wasm", "cpu"].includes(report.backend)) throw new Error("unknown backend");
 * ```
 */
export async function setup(): Promise<BackendReport> {
  const report = await initBackend();
  await display({
    "text/plain": `learning-mechanics: TensorFlow.js backend ${describeBackend(report)}`,
    [BACKEND_MIME]: report,
  });
  return report;
}

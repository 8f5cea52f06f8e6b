/**
 * Live progress for loops longer than a second or two: one output, re-displayed in place through its
 * `display_id` (the kernel sends `update_display_data`; the runner keeps only the last state).
 *
 * @module
 */
import { display } from "./display.ts";

let counter = 0;

/** A progress line that updates in place. */
export interface Progress {
  /** Replace the line's text (throttled to ~10 updates per second, except the first and the last). */
  update(text: string, force?: boolean): Promise<void>;
}

/**
 * Start a progress line.
 *
 * @example
 * ```ts
 * import { progress } from "./progress.ts";
 * const p = await progress("training");
 * await p.update("step 10 / 10", true);
 * ```
 */
export async function progress(label: string): Promise<Progress> {
  const displayId = `lm-progress-${Date.now()}-${counter++}`;
  await display({ "text/plain": `${label}…` }, { displayId });
  let last = 0;
  return {
    async update(text: string, force = false): Promise<void> {
      const now = performance.now();
      if (!force && now - last < 100) return;
      last = now;
      await display({ "text/plain": `${label}: ${text}` }, { displayId, update: true });
    },
  };
}

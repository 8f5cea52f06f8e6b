/**
 * Show a MIME bundle in whichever notebook kernel runs the code, or on the console outside one.
 *
 * - Deno kernel: `Deno.jupyter.display(bundle, { raw: true })`.
 * - tslab kernel (Node): the kernel's own display channel (`_platform.ts`), the same bundle and `display_id`.
 * - Elsewhere (a script, a unit test): the `text/plain` part is printed.
 * Tests can capture displays with {@linkcode captureDisplays}.
 *
 * @module
 */
import { tslabDisplayWriter } from "./_platform.ts";

/** A Jupyter MIME bundle: `{ "text/plain": "...", "text/html": "...", ... }`. */
export type MimeBundle = Record<string, unknown>;

/** Options of {@linkcode display}. */
export interface DisplayOptions {
  /** Give the output an id so a later call with `update: true` replaces it (live progress). */
  displayId?: string;
  /** Replace the output that has `displayId` instead of adding one. */
  update?: boolean;
  /**
   * The output's metadata, per MIME type: `{ "image/png": { width: 574, height: 338 } }` shows a PNG drawn at
   * twice its size at the size meant (Notebook 6, nbconvert, JupyterLab read `width`/`height`).
   */
  metadata?: Record<string, unknown>;
}

type Sink = (bundle: MimeBundle, options: DisplayOptions) => void | Promise<void>;

let sink: Sink | null = null;

interface DenoJupyter {
  display(obj: unknown, options?: { raw?: boolean; update?: boolean; display_id?: string }): Promise<void>;
  broadcast?(msgType: string, content: Record<string, unknown>): Promise<void>;
}

function denoJupyter(): DenoJupyter | undefined {
  try {
    // Outside `deno jupyter`, reading Deno.jupyter throws.
    // deno-lint-ignore no-explicit-any
    const j = (globalThis as any).Deno?.jupyter;
    return typeof j?.display === "function" ? j as DenoJupyter : undefined;
  } catch {
    return undefined;
  }
}

/** True when running inside a notebook kernel (Deno's or tslab). */
export function isKernel(): boolean {
  return denoJupyter() !== undefined || tslabDisplayWriter() !== undefined;
}

/** Display a MIME bundle. Await it: the kernel sends it asynchronously. */
export async function display(bundle: MimeBundle, options: DisplayOptions = {}): Promise<void> {
  if (sink) return void await sink(bundle, options);
  const jupyter = denoJupyter();
  if (jupyter && options.metadata && typeof jupyter.broadcast === "function") {
    // What `Deno.jupyter.display(bundle, { raw: true })` sends, with the metadata it leaves empty.
    await jupyter.broadcast(options.update ? "update_display_data" : "display_data", {
      data: bundle,
      metadata: options.metadata,
      transient: options.displayId === undefined ? {} : { display_id: options.displayId },
    });
    return;
  }
  if (jupyter) {
    await jupyter.display(bundle, {
      raw: true,
      update: options.update ?? false,
      display_id: options.displayId,
    });
    return;
  }
  const tslab = tslabDisplayWriter();
  if (tslab) {
    const transient = options.displayId === undefined ? {} : { display_id: options.displayId };
    tslab({ data: bundle, metadata: options.metadata ?? {}, transient }, options.update ?? false);
    return;
  }
  if (!options.update) console.log(String(bundle["text/plain"] ?? Object.keys(bundle).join(", ")));
}

/**
 * Run `fn` with every display captured instead of shown; returns what was displayed.
 * For unit tests of code that displays.
 */
export async function captureDisplays<T>(
  fn: () => Promise<T> | T,
): Promise<{ result: T; bundles: MimeBundle[] }> {
  const bundles: MimeBundle[] = [];
  const previous = sink;
  sink = (b) => void bundles.push(b);
  try {
    const result = await fn();
    return { result, bundles };
  } finally {
    sink = previous;
  }
}

/** Escape text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

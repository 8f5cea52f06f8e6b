/**
 * Choose the fastest TensorFlow.js backend that is present, verify the choice took effect, and report it.
 *
 * Order: `tensorflow` (the native `@tensorflow/tfjs-node`, when the user installed it) → `wasm`
 * (XNNPACK + SIMD, single-threaded under Deno) → `cpu` (pure JS). tfjs falls back silently when a backend
 * fails to initialize, so the choice is checked with `tf.getBackend()` (DESIGN.md, "Runtime and packages").
 * Set `LM_BACKEND=cpu` (or `wasm`, `tensorflow`) to force one. Claims must hold on every backend.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-wasm";
import "./autodiff/_register_gradients.ts";
import { isWasmMatMulPatched, patchWasmMatMul, wasmMatMulBlas } from "./wasm_matmul.ts";
import { openBlasStatus } from "./native/openblas.ts";
import { envVar } from "./_platform.ts";

/** Backends the course knows, fastest first. */
export type BackendName = "tensorflow" | "wasm" | "cpu";

/** What {@linkcode initBackend} chose and why. */
export interface BackendReport {
  /** The backend in use, as `tf.getBackend()` reports it. */
  backend: BackendName;
  /** Every backend tried, in order, with the reason a rejected one was passed over. */
  tried: { name: BackendName; ok: boolean; reason: string }[];
  /** tfjs-core version. */
  tfjsVersion: string;
  /** Whether the wasm matMul fix (`wasm_matmul.ts`) is in place; false on other backends. */
  matMulPatched: boolean;
  /**
   * On wasm, what the patched matrix products run on: `"OpenBLAS …"` (`lib/native/openblas.ts`), or
   * `"XNNPACK (…why not OpenBLAS)"`; `null` on other backends.
   */
  matMul: string | null;
}

/** Options of {@linkcode initBackend}. */
export interface BackendOptions {
  /** Order of preference. Default: `LM_BACKEND` if set, else `["tensorflow", "wasm", "cpu"]`. */
  prefer?: BackendName[];
  /**
   * Loads the native package so that it registers the `tensorflow` backend. Default: a dynamic import of
   * `@tensorflow/tfjs-node` (present only if the user added it; see the README). Tests pass a stand-in.
   */
  loadNative?: () => Promise<unknown>;
}

const NATIVE_PACKAGE = "@tensorflow/tfjs-node";

function defaultLoadNative(): Promise<unknown> {
  // A computed specifier: the package is optional and must not be resolved before it is asked for.
  const specifier = [NATIVE_PACKAGE][0];
  return import(specifier);
}

function envPreference(): BackendName[] | undefined {
  const forced = envVar("LM_BACKEND"); // undefined without env permission
  if (!forced) return undefined;
  if (!["tensorflow", "wasm", "cpu"].includes(forced)) {
    throw new RangeError(`LM_BACKEND must be one of tensorflow, wasm, cpu; got "${forced}"`);
  }
  return [forced as BackendName];
}

/** Hooks run after a backend is set (the wasm matMul fix registers itself here). */
const afterSet: ((name: BackendName) => void)[] = [];

/** Register a hook that runs each time {@linkcode initBackend} sets a backend. */
export function onBackendSet(hook: (name: BackendName) => void): void {
  afterSet.push(hook);
}

// On wasm, transposed and batched matMuls take XNNPACK instead of a scalar loop
// (DESIGN.md, "Speed of TensorFlow.js here").
onBackendSet((name) => name === "wasm" && patchWasmMatMul());

let cached: Promise<BackendReport> | null = null;

/**
 * Select, set and verify a backend. Without options the result is computed once per process.
 *
 * @example
 * ```ts
 * import { initBackend } from "./backend.ts";
 * const report = await initBackend({ prefer: ["cpu"] });
 * if (report.backend !== "cpu") throw new Error("cpu was asked for");
 * ```
 */
export function initBackend(options?: BackendOptions): Promise<BackendReport> {
  if (!options) return cached ??= select({});
  return select(options);
}

async function select(options: BackendOptions): Promise<BackendReport> {
  const prefer = options.prefer ?? envPreference() ?? ["tensorflow", "wasm", "cpu"];
  const tried: BackendReport["tried"] = [];
  for (const name of prefer) {
    if (name === "tensorflow" && !tf.findBackendFactory("tensorflow")) {
      try {
        await (options.loadNative ?? defaultLoadNative)();
      } catch (e) {
        const msg = (e as Error).message ?? String(e);
        tried.push({
          name,
          ok: false,
          reason: /not a dependency|Cannot find|not found|ERR_MODULE_NOT_FOUND/i.test(msg)
            ? `${NATIVE_PACKAGE} is not installed (optional; see the README)`
            : `${NATIVE_PACKAGE} failed to load: ${msg.split("\n")[0]}`,
        });
        continue;
      }
      if (!tf.findBackendFactory("tensorflow")) {
        tried.push({
          name,
          ok: false,
          reason: `${NATIVE_PACKAGE} loaded but registered no "tensorflow" backend with this tfjs-core ` +
            `(${tf.version_core}); install the matching version 4.22.0`,
        });
        continue;
      }
    }
    // The cpu backend prints a "use tfjs-node" banner on first use unless PROD is set; the report says it.
    if (name === "cpu") tf.env().set("PROD", true);
    let ok = false;
    let reason = "";
    try {
      ok = await tf.setBackend(name);
      await tf.ready();
    } catch (e) {
      reason = (e as Error).message;
    }
    if (ok && tf.getBackend() === name) {
      for (const hook of afterSet) hook(name);
      tried.push({ name, ok: true, reason: "selected" });
      const matMulPatched = name === "wasm" && isWasmMatMulPatched();
      const why = openBlasStatus().reason;
      const matMul = name !== "wasm" ? null : wasmMatMulBlas() ? why : `XNNPACK (${why})`;
      return { backend: name, tried, tfjsVersion: tf.version_core, matMulPatched, matMul };
    }
    tried.push({
      name,
      ok: false,
      reason: reason ||
        `tf.setBackend("${name}") did not take effect (tf.getBackend() is "${tf.getBackend()}")`,
    });
  }
  throw new Error(
    `No TensorFlow.js backend could be set. Tried: ${tried.map((t) => `${t.name} (${t.reason})`).join("; ")}`,
  );
}

/** One line for people: "wasm (tfjs 4.22.0; tensorflow: not installed …; matMul: OpenBLAS …)". */
export function describeBackend(report: BackendReport): string {
  const notes = report.tried.filter((t) => !t.ok).map((t) => `${t.name}: ${t.reason}`);
  if (report.matMul) notes.push(`matMul: ${report.matMul}`);
  return `${report.backend} (tfjs ${report.tfjsVersion}${notes.length ? "; " + notes.join("; ") : ""})`;
}

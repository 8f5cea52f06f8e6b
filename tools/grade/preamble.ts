/**
 * The code the grader adds around a submission, run in the submission's kernel:
 *
 * - a **preamble** cell, run before any student code: it loads the library, keeps private references to
 *   what the grader's checks need (the library's exports and `Deno.jupyter.display`), defines the grader's
 *   own `check()` — whose records carry a per-run secret token — and locks the kernel down: built-in objects
 *   and the library's functions and classes are frozen, `node:inspector` sessions and `Deno[Deno.internal]`
 *   are disabled, console output is capped ({@linkcode OUTPUT_CAP_CALLS} calls), and the write, net, run and
 *   ffi permissions are revoked;
 * - **trusted check cells**: the solution's check cells, wrapped so that `check` and every name the solution
 *   imports from the library refer to the grader's private copies, not to whatever the student defined.
 *
 * The token appears only in these cells' source, which runs after (preamble: before) the student's code and
 * is never shown to it. What remains possible is listed in the README, "For instructors" ("What the grader
 * cannot prevent").
 *
 * @module
 */
import type { LibraryBinding } from "./markers.ts";

/** A fresh random token (hex), unknown to the submission's code. */
export function newToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join(
    "",
  );
}

/** The name of the preamble's private binding in the kernel. */
export function graderBinding(token: string): string {
  return `__lmGrader_${token}`;
}

/** Permissions the preamble revokes (the kernel starts with all of them). */
export const REVOKED_PERMISSIONS = ["write", "net", "run", "ffi", "import"] as const;

/** Console calls a graded notebook may make before its console output is dropped. */
export const OUTPUT_CAP_CALLS = 2000;

/** First line of the preamble cell, so that outputs and errors in it are recognisable. */
export const PREAMBLE_MARKER = "// GRADER PREAMBLE (added by the grader; runs before the submission's code)";

/**
 * Source of the preamble cell. `token` is the run's secret; checks emit records carrying it. `seed` is the
 * grading run's secret seed: the grader's `checkSeed()` returns it, so hidden checks draw fresh inputs.
 */
export function preambleSource(token: string, options: { seed?: number } = {}): string {
  const seed = options.seed ?? 0;
  return `${PREAMBLE_MARKER}
const ${graderBinding(token)} = await (async () => {
  "use strict"; // strict functions hide themselves from Function.prototype.caller
  const lib: Record<string, unknown> = await import("learning-mechanics");
  const TOKEN = ${JSON.stringify(token)};
  const MIME = "application/vnd.learning-mechanics.check+json";
  const jupyter = Deno.jupyter;
  const show = jupyter.display.bind(jupyter);
  const freeze = Object.freeze, defineProperty = Object.defineProperty, getOwn = Object.getOwnPropertyDescriptor;
  const getProto = Object.getPrototypeOf, ownKeys = Reflect.ownKeys;
  const str = String, slice = (s: string, n: number) => s.length > n ? s.slice(0, n) + "…" : s;
  const escapeHtml = (t: string) =>
    t.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
  const field = (e: unknown, key: string): string => {
    try {
      const v = (e as Record<string, unknown>)?.[key];
      return typeof v === "string" ? v : "";
    } catch {
      return "";
    }
  };

  // The grader's check: like the library's, but it cannot be replaced by the submission, it shows through a
  // private reference to Deno.jupyter.display, and its record carries the token.
  async function check(name: string, points: number, fn: () => unknown): Promise<void> {
    let passed = false, message = "";
    try {
      const result = await fn();
      passed = true;
      message = typeof result === "string" ? slice(result, 500) : "passed";
    } catch (e) {
      const ename = field(e, "name"), emsg = field(e, "message");
      message = ename === "CheckFailure" || ename === "NotImplementedError"
        ? emsg
        : \`your code raised \${ename || "an error"}: \${emsg || (() => { try { return str(e); } catch { return "?"; } })()}\`;
      message = slice(message, 2000);
    }
    const mark = passed ? "✓ PASS" : "✗ FAIL";
    const color = passed ? "#1a7f37" : "#cf222e";
    const earned = passed ? points : 0;
    await show({
      "text/plain": \`\${mark}  \${name} (\${earned}/\${points} points): \${message}\`,
      "text/html": \`<div style="font-family:ui-monospace,monospace;font-size:12px"><b style="color:\${color}">\${mark}</b> \` +
        \`\${escapeHtml(name)} (\${earned}/\${points} points): \${escapeHtml(message)}</div>\`,
      [MIME]: { name, points, passed, message, token: TOKEN },
    }, { raw: true });
  }

  // node:inspector would let code read the source of this cell (and the token): disable its sessions.
  for (const spec of ["node:inspector", "node:inspector/promises"]) {
    try {
      const m = await import(spec);
      for (const S of [m.Session, m.default?.Session]) {
        if (typeof S !== "function") continue;
        for (const k of ["connect", "connectToMainThread", "post"]) {
          defineProperty(S.prototype, k, {
            value: () => { throw new Error("node:inspector is disabled while a submission is graded"); },
            writable: false, configurable: false,
          });
        }
        freeze(S.prototype);
        freeze(S);
      }
      if (m.default && typeof m.default === "object") {
        for (const k of ["open", "url", "waitForDebugger"]) {
          try { defineProperty(m.default, k, { value: () => undefined, writable: false, configurable: false }); } catch { /* */ }
        }
        freeze(m.default);
      }
    } catch { /* module absent */ }
  }
  // Cap the console: after ${OUTPUT_CAP_CALLS} calls, console output is dropped (one notice says so). Each call is an
  // IOPub message through the kernel, the server and the runner; a notebook that prints a log of 10,000 lines
  // must not make grading slow, or hit a time limit on a loaded machine. The checks' records do not go
  // through the console.
  {
    let calls = 0;
    const print = console.log.bind(console);
    for (const name of ["log", "info", "warn", "error", "debug", "trace", "dir", "dirxml", "table", "timeLog", "count", "assert"]) {
      const original = (console as unknown as Record<string, (...a: unknown[]) => void>)[name];
      if (typeof original !== "function") continue;
      const bound = original.bind(console);
      defineProperty(console, name, {
        value: (...args: unknown[]) => {
          if (++calls <= ${OUTPUT_CAP_CALLS}) return bound(...args);
          if (calls === ${OUTPUT_CAP_CALLS} + 1) {
            print("[the grader shows no more console output of this notebook: ${OUTPUT_CAP_CALLS} calls reached]");
          }
        },
        writable: false, enumerable: true, configurable: false,
      });
    }
  }

  // Deno[Deno.internal] exposes the runtime's internals (ops included).
  try {
    const internal = (Deno as unknown as { internal: symbol }).internal;
    if (internal) defineProperty(Deno, internal, { value: undefined, writable: false, configurable: false });
  } catch { /* already locked */ }

  // Lock built-ins so that the submission cannot change what checks compute (Math.abs, Array.prototype.map,
  // Number.isNaN, JSON, …): no new properties, and every property holding a function or an object becomes
  // read-only. Primitive settings stay writable (Error.stackTraceLimit). Methods that code commonly
  // overrides on its own objects (this.toString = …) stay overridable on instances ("override taming", SES).
  const OVERRIDABLE = new Set<string | symbol>(["constructor", "toString", "valueOf", "toLocaleString", "toJSON"]);
  const lock = (obj: object, tameOverrides: boolean) => {
    for (const key of ownKeys(obj)) {
      const d = getOwn(obj, key);
      if (!d || !d.configurable) continue;
      if ("value" in d) {
        const value = d.value;
        if (value === null || (typeof value !== "object" && typeof value !== "function")) continue;
        if (tameOverrides && OVERRIDABLE.has(key)) {
          defineProperty(obj, key, {
            get() { return value; },
            set(this: object, v: unknown) {
              if (this === obj) throw new TypeError(\`Cannot assign to \${str(key)} of a locked built-in\`);
              defineProperty(this, key, { value: v, writable: true, enumerable: true, configurable: true });
            },
            enumerable: d.enumerable, configurable: false,
          });
        } else defineProperty(obj, key, { value, writable: false, enumerable: d.enumerable, configurable: false });
      } else defineProperty(obj, key, { get: d.get, set: d.set, enumerable: d.enumerable, configurable: false });
    }
    Object.preventExtensions(obj);
  };
  const hardened = new WeakSet<object>();
  const harden = (v: unknown) => {
    if ((typeof v !== "object" && typeof v !== "function") || v === null || hardened.has(v)) return;
    hardened.add(v);
    if (typeof v === "function") {
      const p = getOwn(v, "prototype")?.value;
      if (p && typeof p === "object" && !hardened.has(p)) {
        hardened.add(p);
        lock(p, true);
      }
      lock(v, false);
    } else lock(v, true);
  };
  const GLOBALS = [
    "Object", "Function", "Array", "Number", "Math", "JSON", "String", "Boolean", "Symbol", "BigInt", "Reflect",
    "Promise", "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "Date", "RegExp", "Proxy", "Atomics", "Intl",
    "Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError", "AggregateError",
    "ArrayBuffer", "SharedArrayBuffer", "DataView", "Float64Array", "Float32Array", "Int8Array", "Uint8Array",
    "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "BigInt64Array", "BigUint64Array",
    "isNaN", "isFinite", "parseFloat", "parseInt", "structuredClone", "Iterator",
  ];
  const g = globalThis as unknown as Record<string, unknown>;
  for (const name of GLOBALS) {
    const v = g[name];
    if (v === undefined) continue;
    harden(v);
    try { defineProperty(globalThis, name, { value: v, writable: false, configurable: false }); } catch { /* */ }
  }
  const TypedArray = getProto(Float64Array);
  harden(TypedArray);
  for (const sample of [[][Symbol.iterator](), new Map()[Symbol.iterator](), new Set()[Symbol.iterator](), ""[Symbol.iterator]()]) {
    harden(getProto(sample));
    harden(getProto(getProto(sample)));
  }
  for (const f of [async function () {}, function* () {}, async function* () {}]) {
    harden(getProto(f));
    harden(f.constructor);
  }
  // The library's functions and classes (one level deep, namespaces included). Plain objects are left
  // mutable: some hold state the library changes while it runs.
  const seen = new WeakSet<object>();
  const hardenExports = (ns: Record<string | symbol, unknown>, depth: number) => {
    if (seen.has(ns)) return;
    seen.add(ns);
    for (const key of ownKeys(ns)) {
      let v: unknown;
      try { v = ns[key]; } catch { continue; }
      if (typeof v === "function") harden(v);
      else if (depth > 0 && v && typeof v === "object" && (v as Record<symbol, unknown>)[Symbol.toStringTag] === "Module") {
        hardenExports(v as Record<string | symbol, unknown>, depth - 1);
      }
    }
  };
  hardenExports(lib, 1);

  // No writing, networking, subprocesses or native code from here on (read stays: the library reads data).
  for (const name of ${JSON.stringify(REVOKED_PERMISSIONS)}) {
    try { await Deno.permissions.revoke({ name } as Deno.PermissionDescriptor); } catch { /* unknown here */ }
  }
  for (const name of ["write", "net", "run"]) {
    if ((await Deno.permissions.query({ name } as Deno.PermissionDescriptor)).state === "granted") {
      throw new Error(\`the grader could not revoke the \${name} permission; refusing to run the submission\`);
    }
  }
  const SEED = ${JSON.stringify(seed)};
  return freeze({ lib: freeze({ ...lib, check, checkSeed: () => SEED }) });
})();
`;
}

/**
 * A solution check cell, wrapped for grading: the names it uses from the library (and `check`) are bound to
 * the preamble's private copies inside a function scope, so the submission's definitions cannot shadow them.
 */
export function trustedCheckSource(
  source: string,
  options: { bindings: LibraryBinding[]; token: string },
): string {
  const { bindings, token } = options;
  const words = new Set(source.match(/[A-Za-z_$][\w$]*/g) ?? []);
  const used = bindings.filter((b) => words.has(b.local));
  if (!used.some((b) => b.exported === "check")) used.push({ exported: "check", local: "check" });
  const G = graderBinding(token);
  const named = used.filter((b) => b.exported !== "*").map((b) =>
    b.exported === b.local ? b.local : `${b.exported}: ${b.local}`
  );
  const lines = [
    `await (async () => {`,
    `  "use strict";`,
    `  const { ${named.join(", ")} } = ${G}.lib;`,
    ...used.filter((b) => b.exported === "*").map((b) => `  const ${b.local} = ${G}.lib;`),
    ...source.split("\n").map((l) => (l.length ? "  " + l : l)),
    `})();`,
  ];
  const markerLines = source.split("\n").filter((l) => /^\s*\/\/\s*CHECK\b/.test(l));
  return [...markerLines, "// (the grader's copy of this check cell)", ...lines].join("\n");
}

/**
 * OpenBLAS (BLAS and LAPACK) through Deno's foreign-function interface, when the machine has it.
 *
 * The two operations the course spends its time in are far faster in OpenBLAS than anywhere else a
 * TypeScript kernel can reach (measured on the project's 2-core Xeon, one thread, OpenBLAS 0.3.21; ranges
 * over several runs on a shared machine whose speed drifts; `deno task bench`):
 *
 * | operation                         | OpenBLAS          | without it                              |
 * |-----------------------------------|-------------------|-----------------------------------------|
 * | fp32 matrix product 1024²         | 57–115 GFLOP/s    | 7–14 GFLOP/s (tfjs-wasm, XNNPACK)       |
 * | symmetric eigensolve, n = 1000    | 0.29–0.45 s       | 14–24 s (ml-matrix, pure JavaScript)    |
 *
 * So `lib/wasm_matmul.ts` sends the wasm backend's matrix products to `cblas_sgemm`, and
 * `lib/linalg/eigh.ts` calls LAPACK's divide-and-conquer `dsyevd` (Demmel, *Applied Numerical Linear
 * Algebra*, §5.3.3). Everything still works without OpenBLAS (on Node/tslab, without `--allow-ffi`, or
 * when the library is not installed): the callers fall back to XNNPACK and ml-matrix, and the claims hold on
 * both paths.
 *
 * Where it looks, in order: `LM_BLAS` when it is a path; then `libopenblas.so.0` (Debian/Ubuntu package
 * `libopenblas0-pthread`, or `libopenblas0`), `libopenblas.so`, `libopenblas.dylib` (Homebrew:
 * `/opt/homebrew/opt/openblas/lib`, `/usr/local/opt/openblas/lib`) and `libopenblas.dll`. `LM_BLAS=off`
 * turns it off. OpenBLAS runs on `LM_BLAS_THREADS` threads (default 1: the course build runs two notebooks
 * at a time on two cores, and one thread keeps every result independent of the machine's core count).
 *
 * @module
 */
import { envVar } from "../_platform.ts";

/** `CBLAS_ORDER`, `CBLAS_TRANSPOSE` (cblas.h). */
const ROW_MAJOR = 101;
const NO_TRANS = 111;
const TRANS = 112;

const SYMBOLS = {
  cblas_sgemm: {
    parameters: [
      "i32",
      "i32",
      "i32",
      "i32",
      "i32",
      "i32",
      "f32",
      "buffer",
      "i32",
      "buffer",
      "i32",
      "f32",
      "buffer",
      "i32",
    ],
    result: "void",
  },
  // Fortran calling convention: every argument by reference, then the hidden lengths of the two
  // CHARACTER arguments (gfortran passes them as size_t).
  dsyevd_: {
    parameters: [
      "buffer",
      "buffer",
      "buffer",
      "buffer",
      "buffer",
      "buffer",
      "buffer",
      "buffer",
      "buffer",
      "buffer",
      "buffer",
      "usize",
      "usize",
    ],
    result: "void",
  },
  openblas_set_num_threads: { parameters: ["i32"], result: "void" },
  openblas_get_config: { parameters: [], result: "pointer" },
} as const;

type Buffer = Float32Array | Float64Array | Int32Array | Uint8Array;

/** The calls this module makes, typed by hand so the file compiles without Deno's FFI types (tslab). */
interface Symbols {
  cblas_sgemm(
    order: number,
    transA: number,
    transB: number,
    m: number,
    n: number,
    k: number,
    alpha: number,
    a: Buffer,
    lda: number,
    b: Buffer,
    ldb: number,
    beta: number,
    c: Buffer,
    ldc: number,
  ): void;
  dsyevd_(...args: [...Buffer[], bigint | number, bigint | number]): void;
  openblas_set_num_threads(n: number): void;
  openblas_get_config(): unknown;
}

interface DenoFfi {
  dlopen(path: string, symbols: typeof SYMBOLS): { symbols: Symbols; close(): void };
  UnsafePointerView: new (pointer: unknown) => { getCString(): string };
}

/** A loaded OpenBLAS. */
export interface OpenBlas {
  /** The file that was opened, e.g. `"libopenblas.so.0"`. */
  path: string;
  /** OpenBLAS's own description, e.g. `"OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY SkylakeX …"`. */
  config: string;
  /** Threads it runs on. */
  threads: number;
  /**
   * `C ← op(A)·op(B)` in float32, row-major, where `op(X)` is `X` or `Xᵀ` (`cblas_sgemm` with `α = 1`,
   * `β = 0`). `a` holds `op(A)`'s `[m, k]` (or, transposed, `[k, m]`) with leading dimension `lda`; likewise
   * `b` for `[k, n]`; `c` receives `[m, n]` with leading dimension `n`.
   */
  sgemm(
    transA: boolean,
    transB: boolean,
    m: number,
    n: number,
    k: number,
    a: Float32Array,
    b: Float32Array,
    c: Float32Array,
  ): void;
  /**
   * Eigen-decompose the symmetric `[n, n]` matrix in `a` (LAPACK `dsyevd`, jobz = "V"). On return `a`'s
   * row `k` (equivalently, by symmetry of the layouts, column `k` in Fortran's column-major order) is the
   * unit eigenvector of `w[k]`, and `w` holds the eigenvalues in ascending order.
   *
   * @throws {Error} when LAPACK reports a failure (`info ≠ 0`)
   */
  dsyevd(n: number, a: Float64Array, w: Float64Array): void;
}

/** Why OpenBLAS is (or is not) in use, for reports. */
export interface OpenBlasStatus {
  blas: OpenBlas | null;
  /** One line: what was loaded, or why nothing was. */
  reason: string;
}

let cached: OpenBlasStatus | null = null;

/**
 * OpenBLAS when it can be loaded, else `null` (see {@linkcode openBlasStatus} for why). Loaded once per
 * process.
 *
 * @example
 * ```ts
 * import { openBlas } from "./openblas.ts";
 * const blas = openBlas();
 * if (blas) {
 *   const c = new Float32Array(1);
 *   blas.sgemm(false, false, 1, 1, 2, Float32Array.of(1, 2), Float32Array.of(3, 4), c);
 *   if (c[0] !== 11) throw new Error("1·3 + 2·4 = 11");
 * }
 * ```
 */
export function openBlas(): OpenBlas | null {
  return openBlasStatus().blas;
}

/** {@linkcode openBlas} with the reason for the outcome, from `LM_BLAS` and `LM_BLAS_THREADS`. */
export function openBlasStatus(): OpenBlasStatus {
  return cached ??= loadOpenBlas(envVar("LM_BLAS"), envVar("LM_BLAS_THREADS"));
}

/**
 * Load OpenBLAS now, not cached: `setting` as `LM_BLAS` (`undefined`: search; `"off"`; or a path) and
 * `threads` as `LM_BLAS_THREADS`. Use {@linkcode openBlas} instead; this is for tests and tools.
 *
 * @throws {RangeError} when `threads` is not a whole number from 1 to 256
 */
export function loadOpenBlas(setting?: string, threads?: string): OpenBlasStatus {
  setting = setting?.trim();
  const threadCount = parseThreads(threads);
  if (setting && /^(off|0|false|no|none)$/i.test(setting)) return { blas: null, reason: "LM_BLAS=off" };
  const ffi = (globalThis as unknown as { Deno?: Partial<DenoFfi> }).Deno;
  if (!ffi?.dlopen || !ffi.UnsafePointerView) {
    return { blas: null, reason: "no foreign-function interface in this runtime (Deno only)" };
  }
  const candidates = setting ? [setting] : [
    "libopenblas.so.0",
    "libopenblas.so",
    "libopenblas.dylib",
    "/opt/homebrew/opt/openblas/lib/libopenblas.dylib",
    "/usr/local/opt/openblas/lib/libopenblas.dylib",
    "libopenblas.dll",
  ];
  const failures: string[] = [];
  for (const path of candidates) {
    let lib: ReturnType<DenoFfi["dlopen"]>;
    try {
      lib = ffi.dlopen(path, SYMBOLS);
    } catch (e) {
      const msg = (e as Error).message ?? String(e);
      if (/permission|--allow-ffi|NotCapable/i.test(msg)) {
        return { blas: null, reason: "no --allow-ffi permission" };
      }
      failures.push(`${path}: ${msg.split("\n")[0]}`);
      continue;
    }
    const s = lib.symbols;
    s.openblas_set_num_threads(threadCount);
    const config = new ffi.UnsafePointerView(s.openblas_get_config()).getCString().trim();
    const plural = threadCount > 1 ? "s" : "";
    return {
      blas: wrap(path, config, threadCount, s),
      reason: `${config} (${path}, ${threadCount} thread${plural})`,
    };
  }
  return {
    blas: null,
    reason: setting
      ? `LM_BLAS=${setting} could not be loaded: ${failures[0]}`
      : "OpenBLAS not found (on Debian/Ubuntu: apt-get install libopenblas0-pthread)",
  };
}

function parseThreads(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new RangeError(`LM_BLAS_THREADS must be a whole number from 1 to 256; got "${value}"`);
  }
  return n;
}

function wrap(path: string, config: string, threads: number, s: Symbols): OpenBlas {
  const int = (v: number) => Int32Array.of(v);
  const char = (c: string) => Uint8Array.of(c.charCodeAt(0));
  return {
    path,
    config,
    threads,
    sgemm(transA, transB, m, n, k, a, b, c) {
      if (m === 0 || n === 0) return;
      if (k === 0) return void c.fill(0, 0, m * n);
      s.cblas_sgemm(
        ROW_MAJOR,
        transA ? TRANS : NO_TRANS,
        transB ? TRANS : NO_TRANS,
        m,
        n,
        k,
        1,
        a,
        transA ? m : k,
        b,
        transB ? k : n,
        0,
        c,
        n,
      );
    },
    dsyevd(n, a, w) {
      if (n === 0) return;
      const info = int(0);
      const [jobz, uplo, order] = [char("V"), char("U"), int(n)];
      // Workspace query (lwork = liwork = −1), then the decomposition.
      const [work1, iwork1] = [new Float64Array(1), new Int32Array(1)];
      s.dsyevd_(jobz, uplo, order, a, order, w, work1, int(-1), iwork1, int(-1), info, 1n, 1n);
      if (info[0] !== 0) throw new Error(`LAPACK dsyevd workspace query failed (info = ${info[0]})`);
      const [lwork, liwork] = [Math.ceil(work1[0]), iwork1[0]];
      s.dsyevd_(
        jobz,
        uplo,
        order,
        a,
        order,
        w,
        new Float64Array(lwork),
        int(lwork),
        new Int32Array(liwork),
        int(liwork),
        info,
        1n,
        1n,
      );
      if (info[0] !== 0) {
        throw new Error(
          `LAPACK dsyevd failed (info = ${info[0]}): ${
            info[0] < 0 ? `argument ${-info[0]} is invalid` : "the eigensolver did not converge"
          }`,
        );
      }
    },
  };
}

/**
 * Fast matrix products for backprop on the wasm backend.
 *
 * When OpenBLAS can be loaded (`lib/native/openblas.ts`), every float32 product — plain, transposed,
 * batched, fused — goes straight to `cblas_sgemm` on the wasm heap: no copies, transposes passed as flags,
 * 57–115 GFLOP/s on one core instead of XNNPACK's 7–14. The bias and activation of a fused product are then
 * applied in place (a bias of one value or one per output column; other bias or PReLU shapes take the XNNPACK
 * path below).
 *
 * Without OpenBLAS: tfjs-backend-wasm 4.22 sends a matMul to XNNPACK only when neither operand is transposed
 * and both batch sizes are 1; every other product — `transposeA`/`transposeB`, which backprop is made of, and
 * every batched product — runs in a scalar loop ≈ 10× slower (512²: 250 ms instead of 22 ms).
 * {@linkcode patchWasmMatMul} re-registers the wasm `BatchMatMul` and `_FusedMatMul` kernels so that
 *
 * - a transposed operand is first materialized with the wasm `Transpose` kernel (O(n²) against the
 *   product's O(n³)), then the product takes the XNNPACK path;
 * - a batched product whose right operand is shared (`[…, m, k] × [k, n]`) becomes one 2-D product
 *   `[… · m, k] × [k, n]` (row-major memory makes that reshape free);
 * - any other batched product runs as a loop of 2-D XNNPACK products over the broadcast batch, each
 *   slice copied into its own buffer;
 * - products too small to gain (below {@linkcode MIN_WORK_ONE} / {@linkcode MIN_WORK_LOOP} multiply-adds)
 *   and non-float32 operands stay on the stock kernel.
 *
 * Results (on either engine) equal the stock kernels and the `cpu` backend up to float32 summation order,
 * except where the stock kernels are wrong: (1) the stock slow loop adds `bias[min(i·n + j, n − 1)]` instead
 * of `bias[j]` to a transposed or batched fused product, so rows after the first get the last bias; (2)
 * tfjs's wasm and cpu kernels flatten batch dimensions before broadcasting, so `[2, 1, m, k] × [1, 3, k, n]`
 * comes out with 3 products' values in a `[2, 3, m, n]` tensor. The patched kernels compute both correctly. A
 * fused product with a batched `b` whose PReLU weights do not tile one `[m, n]` slice stays on the stock
 * kernel.
 *
 * DESIGN.md, "Speed of TensorFlow.js here". Applied by `lib/backend.ts` whenever it selects wasm;
 * `tools/bench` measures it (`deno task bench`).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from "@tensorflow/tfjs-core";
import { type OpenBlas, openBlas } from "./native/openblas.ts";

/** The part of tfjs-backend-wasm's `BackendWasm` these kernels use. */
interface WasmBackend {
  makeOutput(shape: number[], dtype: "float32"): TensorInfo;
  disposeData(dataId: TensorInfo["dataId"]): boolean;
  typedArrayFromHeap(info: TensorInfo): Float32Array;
}

interface KernelArgs {
  inputs: Record<string, TensorInfo | undefined>;
  backend: WasmBackend;
  attrs: NamedAttrMap;
}
type Kernel = (args: KernelArgs) => TensorInfo;

const WASM = "wasm";
/**
 * Below these sizes of one product (m·k·n) the stock loop wins (measured: a 12×12 transposed product, or a
 * batch of 64 products of 20×20, is faster stock; 16×16, or a batch of 24×24, is faster patched).
 */
export const MIN_WORK_ONE = 16 ** 3;
/** See {@linkcode MIN_WORK_ONE}; this one is per product of a batched loop. */
export const MIN_WORK_LOOP = 12288;
/** Marks a patched kernel, so that a second copy of this module does not wrap it twice. */
const MARK = Symbol.for("learning-mechanics.wasmMatMul");
let stock: KernelConfig[] | null = null;
/** OpenBLAS, when the patched kernels use it. */
let blas: OpenBlas | null = null;

/** Options of {@linkcode patchWasmMatMul}. */
export interface WasmMatMulOptions {
  /** Send products to OpenBLAS when it can be loaded (default `true`); `false` keeps them on XNNPACK. */
  blas?: boolean;
}

/**
 * Re-register the wasm matMul kernels with the fast paths described in the module doc. Returns `true` if
 * it patched now, `false` if they were already patched or tfjs-backend-wasm is not loaded. Safe to call
 * again; works before or after the wasm backend is initialized.
 *
 * @example
 * ```ts
 * import { initBackend } from "./backend.ts";
 * import { patchWasmMatMul } from "./wasm_matmul.ts";
 * await initBackend({ prefer: ["wasm"] }); // already patches
 * if (patchWasmMatMul()) throw new Error("a second call changes nothing");
 * ```
 */
export function patchWasmMatMul(options: WasmMatMulOptions = {}): boolean {
  const bmm = tf.getKernel(tf.BatchMatMul, WASM);
  const fused = tf.getKernel(tf._FusedMatMul, WASM);
  const transpose = tf.getKernel(tf.Transpose, WASM);
  if (!bmm || !fused || !transpose || MARK in bmm.kernelFunc) return false;
  stock = [bmm, fused];
  blas = options.blas === false ? null : openBlas();
  const k = {
    bmm: bmm.kernelFunc as unknown as Kernel,
    fused: fused.kernelFunc as unknown as Kernel,
    transpose: transpose.kernelFunc as unknown as Kernel,
  };
  reregister(bmm, (args) => batchMatMul(args, k));
  reregister(fused, (args) => fusedMatMul(args, k));
  return true;
}

/** Restore the stock kernels (for tests and benchmarks). Returns whether anything was restored. */
export function unpatchWasmMatMul(): boolean {
  if (!stock) return false;
  for (const config of stock) reregister(config);
  stock = null;
  blas = null;
  return true;
}

/** The OpenBLAS the patched kernels send products to, or `null` (not patched, or on XNNPACK). */
export function wasmMatMulBlas(): OpenBlas | null {
  return blas;
}

/** Whether the registered wasm matMul kernels are the patched ones. */
export function isWasmMatMulPatched(): boolean {
  const bmm = tf.getKernel(tf.BatchMatMul, WASM);
  return bmm !== undefined && MARK in bmm.kernelFunc;
}

function reregister(config: KernelConfig, kernel?: Kernel): void {
  tf.unregisterKernel(config.kernelName, WASM);
  if (!kernel) return void tf.registerKernel(config);
  Object.defineProperty(kernel, MARK, { value: true });
  tf.registerKernel({ ...config, kernelFunc: kernel as unknown as KernelFunc });
}

interface Plan {
  m: number;
  k: number;
  n: number;
  /** Product of the batch dimensions of `a`, of `b`, of the output. */
  batchA: number;
  batchB: number;
  batch: number;
  outShape: number[];
  aBatchShape: number[];
  bBatchShape: number[];
}

/** {@linkcode shapes}, or null also when the product is too small to gain from the XNNPACK path. */
function plan(a: number[], b: number[], tA: boolean, tB: boolean): Plan | null {
  const p = shapes(a, b, tA, tB);
  return p && p.m * p.k * p.n >= (p.batchB > 1 ? MIN_WORK_LOOP : MIN_WORK_ONE) ? p : null;
}

/** Shapes of the product, or null when the operands do not fit (the stock kernel then reports why). */
function shapes(a: number[], b: number[], tA: boolean, tB: boolean): Plan | null {
  const [ra, rb] = [a.length, b.length];
  if (ra < 2 || rb < 2) return null;
  const k = tA ? a[ra - 2] : a[ra - 1];
  if (k !== (tB ? b[rb - 1] : b[rb - 2])) return null;
  const [m, n] = [tA ? a[ra - 1] : a[ra - 2], tB ? b[rb - 2] : b[rb - 1]];
  const size = tf.util.sizeFromShape;
  const [aBatchShape, bBatchShape] = [a.slice(0, -2), b.slice(0, -2)];
  let outBatch: number[];
  try {
    outBatch = tf.broadcast_util.assertAndGetBroadcastShape(aBatchShape, bBatchShape);
  } catch {
    return null;
  }
  return {
    m,
    k,
    n,
    batchA: size(aBatchShape),
    batchB: size(bBatchShape),
    batch: size(outBatch),
    outShape: [...outBatch, m, n],
    aBatchShape,
    bBatchShape,
  };
}

function batchMatMul(args: KernelArgs, k: Record<"bmm" | "transpose", Kernel>): TensorInfo {
  const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
  if (blas) {
    const out = blasProduct(blas, args);
    if (out) return out;
  }
  const p = stockIsFast(args)
    ? null
    : plan(a.shape, b.shape, !!args.attrs.transposeA, !!args.attrs.transposeB);
  if (!p) return k.bmm(args);
  const attrs = { transposeA: false, transposeB: false };
  return withOperands(args, k.transpose, (a2, b2) => {
    if (p.batchB === 1) {
      const out = k.bmm({
        ...args,
        attrs,
        inputs: { a: view(a2, [p.batchA * p.m, p.k]), b: view(b2, [p.k, p.n]) },
      });
      out.shape = p.outShape;
      return out;
    }
    return loop(args.backend, p, a2, b2, (ai, bi) => k.bmm({ ...args, attrs, inputs: { a: ai, b: bi } }));
  });
}

function fusedMatMul(args: KernelArgs, k: Record<"fused" | "transpose", Kernel>): TensorInfo {
  const { a, b, bias, preluActivationWeights: prelu } = args.inputs as Record<string, TensorInfo>;
  if (blas && fusableInPlace(args)) {
    const out = blasProduct(blas, args);
    if (out) {
      const { activation = "linear", leakyreluAlpha = 0.2 } = args.attrs as {
        activation?: string;
        leakyreluAlpha?: number;
      };
      const heap = args.backend.typedArrayFromHeap.bind(args.backend);
      biasAndActivation(
        heap(out),
        out.shape[out.shape.length - 1],
        bias && heap(bias),
        activation,
        prelu && heap(prelu),
        leakyreluAlpha,
      );
      return out;
    }
  }
  const p = stockIsFast(args)
    ? null
    : plan(a.shape, b.shape, !!args.attrs.transposeA, !!args.attrs.transposeB);
  const size = tf.util.sizeFromShape;
  // XNNPACK adds a bias per output column; other bias shapes keep the stock behaviour.
  if (
    !p || (bias && size(bias.shape) !== p.n) || (p.batchB > 1 && prelu && (p.m * p.n) % size(prelu.shape))
  ) {
    return k.fused(args);
  }
  const attrs = { ...args.attrs, transposeA: false, transposeB: false };
  const product = (ai: TensorInfo, bi: TensorInfo) =>
    k.fused({ ...args, attrs, inputs: { ...args.inputs, a: ai, b: bi } });
  return withOperands(args, k.transpose, (a2, b2) => {
    if (p.batchB === 1) {
      const out = product(view(a2, [1, p.batchA * p.m, p.k]), view(b2, [1, p.k, p.n]));
      out.shape = p.outShape;
      return out;
    }
    return loop(
      args.backend,
      p,
      a2,
      b2,
      (ai, bi) => product(view(ai, [1, p.m, p.k]), view(bi, [1, p.k, p.n])),
    );
  });
}

/**
 * `op(a)·op(b)` with OpenBLAS, straight on the wasm heap, for float32 operands of any rank whose batch
 * dimensions broadcast; `null` otherwise (the caller then takes another path).
 */
function blasProduct(blas: OpenBlas, { inputs, backend, attrs }: KernelArgs): TensorInfo | null {
  const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
  if (a.dtype !== "float32" || b.dtype !== "float32") return null;
  const [tA, tB] = [!!attrs.transposeA, !!attrs.transposeB];
  const p = shapes(a.shape, b.shape, tA, tB);
  if (!p) return null;
  const out = backend.makeOutput(p.outShape, "float32");
  // Views only after allocating: allocation can grow (and detach) wasm memory.
  const [A, B, C] = [a, b, out].map((x) => backend.typedArrayFromHeap(x));
  const { m, k, n } = p;
  if (p.batchB === 1 && p.batchA === p.batch && !tA) {
    // `[…, m, k] × [k, n]`: the batch of `a` is one tall `[… · m, k]` matrix in row-major memory.
    blas.sgemm(false, tB, p.batch * m, n, k, A, B, C);
    return out;
  }
  const outBatch = p.outShape.slice(0, -2);
  for (let o = 0; o < p.batch; o++) {
    const ia = batchIndex(o, outBatch, p.aBatchShape) * m * k;
    const ib = batchIndex(o, outBatch, p.bBatchShape) * k * n;
    blas.sgemm(tA, tB, m, n, k, A.subarray(ia), B.subarray(ib), C.subarray(o * m * n));
  }
  return out;
}

/** The activations {@linkcode biasAndActivation} applies. */
const IN_PLACE = new Set(["linear", "relu", "relu6", "leakyrelu", "prelu", "sigmoid", "elu"]);

/**
 * Whether a fused product's bias and activation can be applied in place after `sgemm`: a known activation,
 * and a bias (and PReLU weights) of one value or one per output column. Otherwise the XNNPACK path runs.
 */
function fusableInPlace({ inputs, attrs }: KernelArgs): boolean {
  const { b, bias, preluActivationWeights: prelu } = inputs as Record<string, TensorInfo | undefined>;
  const rb = b!.shape.length;
  const n = attrs.transposeB ? b!.shape[rb - 2] : b!.shape[rb - 1];
  const perColumn = (x: TensorInfo) => x.shape.length <= 1 && [1, n].includes(tf.util.sizeFromShape(x.shape));
  const activation = String(attrs.activation ?? "linear");
  return IN_PLACE.has(activation) && (!bias || perColumn(bias)) &&
    (activation !== "prelu" || (prelu !== undefined && perColumn(prelu)));
}

/**
 * In place on the `[rows, n]` values `c`: `c ← f(c + bias)`, the bias broadcast along rows (one value, or
 * one per column), `f` one of the activations in {@linkcode IN_PLACE} (checked by {@linkcode fusableInPlace}).
 */
function biasAndActivation(
  c: Float32Array,
  n: number,
  bias: Float32Array | undefined,
  activation: string,
  prelu: Float32Array | undefined,
  leakyreluAlpha: number,
): void {
  if (bias?.length === 1) { for (let i = 0; i < c.length; i++) c[i] += bias[0]; }
  else if (bias) { for (let i = 0; i < c.length; i++) c[i] += bias[i % n]; }
  switch (activation) {
    case "relu":
      for (let i = 0; i < c.length; i++) if (c[i] < 0) c[i] = 0;
      break;
    case "relu6":
      for (let i = 0; i < c.length; i++) c[i] = Math.min(Math.max(c[i], 0), 6);
      break;
    case "leakyrelu":
      for (let i = 0; i < c.length; i++) if (c[i] < 0) c[i] *= leakyreluAlpha;
      break;
    case "prelu":
      for (let i = 0; i < c.length; i++) {
        if (c[i] < 0) {
          c[i] *= prelu!.length === 1 ? prelu![0] : prelu![i % n];
        }
      }
      break;
    case "sigmoid":
      for (let i = 0; i < c.length; i++) c[i] = 1 / (1 + Math.exp(-c[i]));
      break;
    case "elu":
      for (let i = 0; i < c.length; i++) if (c[i] < 0) c[i] = Math.expm1(c[i]);
      break;
  }
}

/** The stock kernel already takes XNNPACK: nothing transposed, batch sizes 1. */
function stockIsFast({ inputs, attrs }: KernelArgs): boolean {
  const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
  if (a.dtype !== "float32" || b.dtype !== "float32") return true; // the stock kernel rejects them
  const batch = (t: TensorInfo) => tf.util.sizeFromShape(t.shape.slice(0, -2));
  return !attrs.transposeA && !attrs.transposeB && batch(a) === 1 && batch(b) === 1;
}

/** Runs `body` on untransposed operands (`a: [...batchA, m, k]`, `b: [...batchB, k, n]`), then frees them. */
function withOperands(
  args: KernelArgs,
  transpose: Kernel,
  body: (a: TensorInfo, b: TensorInfo) => TensorInfo,
): TensorInfo {
  const { inputs: { a, b }, backend, attrs } = args as
    & { inputs: { a: TensorInfo; b: TensorInfo } }
    & KernelArgs;
  const temps: TensorInfo[] = [];
  const untransposed = (x: TensorInfo, transposed: unknown): TensorInfo => {
    if (!transposed) return x;
    const r = x.shape.length;
    const perm = [...Array(r - 2).keys(), r - 1, r - 2];
    const t = transpose({ inputs: { x }, backend, attrs: { perm } });
    temps.push(t);
    return t;
  };
  try {
    return body(untransposed(a, attrs.transposeA), untransposed(b, attrs.transposeB));
  } finally {
    for (const t of temps) backend.disposeData(t.dataId);
  }
}

/** The same buffer seen with another shape (the stock kernels reshape with balanced reference counts). */
function view(x: TensorInfo, shape: number[]): TensorInfo {
  return { dataId: x.dataId, dtype: x.dtype, shape };
}

/** One 2-D product per output batch index, each operand slice copied into its own buffer. */
function loop(
  backend: WasmBackend,
  p: Plan,
  a: TensorInfo,
  b: TensorInfo,
  product: (a: TensorInfo, b: TensorInfo) => TensorInfo,
): TensorInfo {
  const out = backend.makeOutput(p.outShape, "float32");
  const outBatch = p.outShape.slice(0, -2);
  const slice = (x: TensorInfo, i: number, rows: number, cols: number): TensorInfo => {
    const s = backend.makeOutput([rows, cols], "float32");
    // Read the heap only after allocating: allocation can grow (and detach) wasm memory.
    backend.typedArrayFromHeap(s).set(
      backend.typedArrayFromHeap(x).subarray(i * rows * cols, (i + 1) * rows * cols),
    );
    return s;
  };
  const owned: TensorInfo[] = [];
  try {
    for (let o = 0; o < p.batch; o++) {
      const ai = p.batchA === 1
        ? view(a, [p.m, p.k])
        : slice(a, batchIndex(o, outBatch, p.aBatchShape), p.m, p.k);
      if (p.batchA > 1) owned.push(ai);
      const bi = slice(b, batchIndex(o, outBatch, p.bBatchShape), p.k, p.n);
      owned.push(bi);
      const r = product(ai, bi);
      owned.push(r);
      backend.typedArrayFromHeap(out).set(backend.typedArrayFromHeap(r), o * p.m * p.n);
      while (owned.length) backend.disposeData(owned.pop()!.dataId);
    }
    return out;
  } catch (e) {
    for (const t of [...owned, out]) backend.disposeData(t.dataId);
    throw e;
  }
}

/** Index into an operand's batch (`shape`, broadcast against `outBatch`) of output batch index `o`. */
function batchIndex(o: number, outBatch: number[], shape: number[]): number {
  let index = 0;
  let stride = 1;
  for (let d = outBatch.length - 1, e = shape.length - 1; d >= 0; d--, e--) {
    const i = o % outBatch[d];
    o = Math.floor(o / outBatch[d]);
    if (e >= 0) {
      if (shape[e] !== 1) index += i * stride;
      stride *= shape[e];
    }
  }
  return index;
}

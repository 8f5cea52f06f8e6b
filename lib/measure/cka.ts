/**
 * Linear centred kernel alignment (CKA): a similarity between two representations of the same inputs that
 * ignores rotations and isotropic rescaling (Kornblith, Norouzi, Lee & Hinton 2019, arXiv:1905.00414, §3):
 * $$\mathrm{CKA}(A, B) = \frac{\|B^\top A\|_F^2}{\|A^\top A\|_F\,\|B^\top B\|_F},$$
 * for representations `A` `[n, p]` and `B` `[n, q]` of the same $n$ inputs whose columns have been centred.
 * Equivalently $\langle K_A, K_B\rangle_F/(\|K_A\|_F\|K_B\|_F)$ with the centred Gram matrices $K = AA^\top$: CKA
 * compares which inputs each representation treats as similar. It lies in $[0, 1]$, equals 1 when
 * $B = cAQ$ ($Q$ orthogonal, $c \ne 0$), and does not need $p = q$. Introduced in notebook 11.
 *
 * @module
 */
import type { MatrixLike } from "../linalg/matrix.ts";

function centred(X: MatrixLike, name: string): { data: Float64Array; n: number; p: number } {
  const n = X.length;
  if (n < 2) throw new RangeError(`linearCka: expected at least 2 rows (inputs) in ${name}, got ${n}`);
  const p = X[0].length;
  if (p < 1) throw new RangeError(`linearCka: ${name} has no columns`);
  const data = new Float64Array(n * p);
  const mean = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    if (X[i].length !== p) {
      throw new RangeError(`linearCka: row ${i} of ${name} has ${X[i].length} entries, expected ${p}`);
    }
    for (let k = 0; k < p; k++) mean[k] += X[i][k] / n;
  }
  for (let i = 0; i < n; i++) for (let k = 0; k < p; k++) data[i * p + k] = X[i][k] - mean[k];
  return { data, n, p };
}

/** $\|X^\top Y\|_F^2$ for centred `X` `[n, p]`, `Y` `[n, q]` (flat row-major). */
function crossNorm2(X: Float64Array, p: number, Y: Float64Array, q: number, n: number): number {
  const M = new Float64Array(p * q);
  for (let i = 0; i < n; i++) {
    const xi = i * p, yi = i * q;
    for (let a = 0; a < p; a++) {
      const v = X[xi + a];
      if (v === 0) continue;
      const ma = a * q;
      for (let b = 0; b < q; b++) M[ma + b] += v * Y[yi + b];
    }
  }
  let s = 0;
  for (const v of M) s += v * v;
  return s;
}

/** $\langle XX^\top, YY^\top\rangle_F$ through the $n\times n$ Gram matrices (cheaper when $n < p, q$). */
function gramInner(X: Float64Array, p: number, Y: Float64Array, q: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let kx = 0, ky = 0;
      for (let a = 0; a < p; a++) kx += X[i * p + a] * X[j * p + a];
      for (let b = 0; b < q; b++) ky += Y[i * q + b] * Y[j * q + b];
      s += (i === j ? 1 : 2) * kx * ky;
    }
  }
  return s;
}

/**
 * Linear CKA between representations `A` `[n, p]` and `B` `[n, q]` (rows = the same n inputs). Throws if
 * either representation is constant over the inputs (CKA is undefined).
 *
 * @example
 * ```ts
 * import { linearCka } from "./cka.ts";
 * const A = [[1, 0], [0, 1], [-1, 0], [0, -2]];
 * const B = A.map(([x, y]) => [3 * y, -3 * x]); // rotated by 90° and scaled by 3
 * if (Math.abs(linearCka(A, B) - 1) > 1e-12) throw new Error("CKA = 1");
 * ```
 */
export function linearCka(A: MatrixLike, B: MatrixLike): number {
  const a = centred(A, "A"), b = centred(B, "B");
  if (a.n !== b.n) {
    throw new RangeError(`linearCka: A and B must describe the same inputs, got ${a.n} and ${b.n} rows`);
  }
  const n = a.n;
  const useGram = n * n * (a.p + b.p) < n * (a.p * a.p + b.p * b.p + a.p * b.p);
  const inner = (X: Float64Array, p: number, Y: Float64Array, q: number): number =>
    useGram ? gramInner(X, p, Y, q, n) : crossNorm2(X, p, Y, q, n);
  const ab = inner(a.data, a.p, b.data, b.p);
  const aa = inner(a.data, a.p, a.data, a.p), bb = inner(b.data, b.p, b.data, b.p);
  if (!(aa > 0 && bb > 0)) {
    throw new RangeError("linearCka: a representation is constant over the inputs (zero after centring)");
  }
  return ab / Math.sqrt(aa * bb);
}

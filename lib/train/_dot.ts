/**
 * The dot product of the first `m` entries of two vectors, with four accumulators so that the loop pipelines
 * (the hot loop of the random-feature trainers).
 *
 * @module
 */

/** $\sum_{k<m} a_k b_k$. */
export function dot(a: Float64Array, b: Float64Array, m: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, k = 0;
  for (; k + 3 < m; k += 4) {
    s0 += a[k] * b[k];
    s1 += a[k + 1] * b[k + 1];
    s2 += a[k + 2] * b[k + 2];
    s3 += a[k + 3] * b[k + 3];
  }
  for (; k < m; k++) s0 += a[k] * b[k];
  return s0 + s1 + s2 + s3;
}

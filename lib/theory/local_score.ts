/**
 * The local score machines of Kamb & Ganguli 2025 (arXiv:2412.20292): the best denoiser a network can
 * be if each output pixel sees only a $P\times P$ patch of its input (locality, LS), and, in addition, applies
 * the same function at every position (translation equivariance, ELS).
 *
 * Minimizing the denoising error $\mathbb E\|D(x_t)-x_0\|^2$ over such functions decouples pixel by pixel: the
 * optimum at pixel $p$ is a posterior mean given the patch $x_t|_{\Omega_p}$ alone, in which the unknown clean
 * patch is one of the training patches — at position $p$ only (LS), or at *any* position $q$ (ELS):
 * $$D(x)_p = \sum_{\mu,q} W_{\mu q}\, x^\mu_q,\qquad
 *   W_{\mu q} = \operatorname{softmax}_{\mu,q}\Big(-\frac{\|x|_{\Omega_p}-\sqrt{\bar\alpha}\,x^\mu|_{\Omega_q}\|^2}{2(1-\bar\alpha)}\Big),$$
 * where $x^\mu_q$ is the centre pixel of the training patch. Each pixel runs its own Bayesian vote over
 * training patches, uncoordinated with its neighbours, so the sampler assembles *patch mosaics*: images whose
 * every patch looks like some training patch but that need not be a training image. Outside the image,
 * patches are padded with zeros (the background of the digits, which the convolutional networks of the
 * paper see too). Equal training patches are merged with their multiplicity, which leaves $D$ unchanged.
 * Introduced in notebook 12.
 *
 * @module
 */
import { EXP_FLOOR, expNonPositive } from "./_fast_exp.ts";
import { checkNoisedBatch, type ImageRows, type NoiseLevel } from "./ideal_denoiser.ts";

/** Options of {@linkcode patchBank}. */
export interface PatchBankOptions {
  /** Image height; `height · width` must equal the training set's `d`. */
  height: number;
  width: number;
  /** Odd patch side $P$ (a patch is $P\times P$ pixels centred on its pixel). */
  patch: number;
  /** Pool patches over positions (ELS, default) or keep one pool per position (LS). */
  equivariant?: boolean;
}

/** The distinct training patches of one pool, with multiplicities. */
export interface PatchPool {
  /** `[m, P²]` distinct patches, row-major within the patch. */
  patches: Float64Array;
  /** Centre pixel of each patch `[m]`. */
  centers: Float64Array;
  /** How many times each patch occurs `[m]`. */
  counts: Float64Array;
  m: number;
}

/** Training patches, ready for {@linkcode localScoreDenoiser}. */
export interface PatchBank {
  height: number;
  width: number;
  patch: number;
  equivariant: boolean;
  /** One pool (ELS) or one per pixel position, row-major (LS). */
  pools: PatchPool[];
}

/** The zero-padded `P×P` patch of image `img` (offset `o` in `x`) centred on pixel (i, j), into `out`. */
export function extractPatch(
  x: ArrayLike<number>,
  o: number,
  shape: { height: number; width: number; patch: number },
  i: number,
  j: number,
  out: Float64Array,
): void {
  const { height, width, patch } = shape, r = (patch - 1) / 2;
  let t = 0;
  for (let a = i - r; a <= i + r; a++) {
    for (let b = j - r; b <= j + r; b++) {
      out[t++] = a < 0 || a >= height || b < 0 || b >= width ? 0 : x[o + a * width + b];
    }
  }
}

/**
 * Collect the training patches (zero-padded at the border) into one pool (ELS) or one pool per position (LS).
 *
 * @throws {RangeError} if `height · width` ≠ `train.d` or the patch side is not a positive odd integer
 *
 * @example
 * ```ts
 * import { patchBank } from "./local_score.ts";
 * // Two 2×2 images; 1×1 patches pooled over positions leave the distinct pixel values.
 * const bank = patchBank({ x: Float64Array.from([0, 1, 1, 0, 0, 0, 0, 1]), n: 2, d: 4 }, { height: 2, width: 2, patch: 1 });
 * if (bank.pools[0].m !== 2 || bank.pools[0].counts[0] + bank.pools[0].counts[1] !== 8) throw new Error("2 values, 8 pixels");
 * ```
 */
export function patchBank(train: ImageRows, options: PatchBankOptions): PatchBank {
  const { height, width, patch, equivariant = true } = options;
  if (height * width !== train.d) {
    throw new RangeError(`patchBank: expected height·width = d = ${train.d}, got ${height}·${width}`);
  }
  if (!(Number.isInteger(patch) && patch >= 1 && patch % 2 === 1)) {
    throw new RangeError(`patchBank: expected an odd patch side ≥ 1, got ${patch}`);
  }
  const k = patch * patch, positions = height * width;
  const maps = Array.from({ length: equivariant ? 1 : positions }, () => new Map<string, number>());
  const lists: number[][][] = maps.map(() => []), counts: number[][] = maps.map(() => []);
  const buffer = new Float64Array(k);
  for (let mu = 0; mu < train.n; mu++) {
    for (let p = 0; p < positions; p++) {
      extractPatch(train.x, mu * train.d, options, Math.floor(p / width), p % width, buffer);
      const g = equivariant ? 0 : p, key = buffer.join(",");
      const at = maps[g].get(key);
      if (at === undefined) {
        maps[g].set(key, lists[g].length);
        lists[g].push(Array.from(buffer));
        counts[g].push(1);
      } else counts[g][at]++;
    }
  }
  const pools = lists.map((list, g): PatchPool => ({
    patches: Float64Array.from(list.flat()),
    centers: Float64Array.from(list, (v) => v[(k - 1) / 2]),
    counts: Float64Array.from(counts[g]),
    m: list.length,
  }));
  return { height, width, patch, equivariant, pools };
}

/** Softmax weights below e^-40 of the largest are skipped: they change D by < 1e-17 relative. */
const CUTOFF = EXP_FLOOR;

/**
 * The local score denoiser (ELS if the bank is equivariant, LS otherwise) for a batch `x` `[s, d]` (flat),
 * returned as `[s, d]`. Cost $O(s\,d\,m\,P^2)$ with $m$ distinct patches per pool.
 *
 * @throws {RangeError} unless $0 < \bar\alpha < 1$ and `x` holds whole images of the bank's size
 *
 * @example
 * ```ts
 * import { localScoreDenoiser, patchBank } from "./local_score.ts";
 * // A single constant training image: every patch votes for the same centre value.
 * const bank = patchBank({ x: new Float64Array(9).fill(0.5), n: 1, d: 9 }, { height: 3, width: 3, patch: 1 });
 * const out = localScoreDenoiser(new Float64Array(9).fill(3), bank, { alphaBar: 0.5 });
 * if (out.some((v) => v !== 0.5)) throw new Error("D(x) = 0.5 everywhere");
 * ```
 */
export function localScoreDenoiser(x: ArrayLike<number>, bank: PatchBank, options: NoiseLevel): Float64Array {
  const { height, width, patch } = bank, d = height * width, k = patch * patch;
  const s = checkNoisedBatch("localScoreDenoiser", x, d, options.alphaBar);
  const ab = options.alphaBar, a = Math.sqrt(ab), inv = 1 / (1 - ab);
  const out = new Float64Array(s * d);
  for (let g = 0; g < bank.pools.length; g++) {
    const { patches, centers, counts, m } = bank.pools[g];
    // Logit of patch u for query q: (√ᾱ q·φ_u − ᾱ‖φ_u‖²/2)/(1 − ᾱ) + log count_u  (‖q‖² is common to all u).
    const bias = new Float64Array(m);
    for (let u = 0; u < m; u++) {
      let sq = 0;
      for (let c = 0; c < k; c++) sq += patches[u * k + c] ** 2;
      bias[u] = -0.5 * ab * sq * inv + Math.log(counts[u]);
    }
    // The queries this pool answers: (image, pixel) pairs, four at a time so each patch is loaded once per block.
    const targets: number[] = [];
    for (let img = 0; img < s; img++) {
      if (bank.equivariant) { for (let p = 0; p < d; p++) targets.push(img * d + p); }
      else targets.push(img * d + g);
    }
    const q = new Float64Array(4 * k), logits = new Float64Array(4 * m), max = new Float64Array(4);
    for (let start = 0; start < targets.length; start += 4) {
      const count = Math.min(4, targets.length - start);
      for (let b = 0; b < 4; b++) {
        const t = targets[start + Math.min(b, count - 1)], img = Math.floor(t / d), p = t % d;
        extractPatch(x, img * d, bank, Math.floor(p / width), p % width, q.subarray(b * k, (b + 1) * k));
      }
      blockLogits(q, bank.pools[g], bias, a * inv, logits, max);
      for (let b = 0; b < count; b++) {
        out[targets[start + b]] = softmaxMean(logits, b * m, m, max[b], centers);
      }
    }
  }
  return out;
}

/** Logits of four queries `q` `[4, k]` against every patch of `pool`, into `logits` `[4, m]`; row maxima into `max`. */
function blockLogits(
  q: Float64Array,
  pool: PatchPool,
  bias: Float64Array,
  scale: number,
  logits: Float64Array,
  max: Float64Array,
): void {
  const { patches, m } = pool, k = q.length / 4;
  let m0 = -Infinity, m1 = -Infinity, m2 = -Infinity, m3 = -Infinity;
  for (let u = 0; u < m; u++) {
    let d0 = 0, d1 = 0, d2 = 0, d3 = 0;
    const o = u * k;
    for (let c = 0; c < k; c++) {
      const v = patches[o + c];
      d0 += q[c] * v;
      d1 += q[k + c] * v;
      d2 += q[2 * k + c] * v;
      d3 += q[3 * k + c] * v;
    }
    const bu = bias[u];
    const l0 = d0 * scale + bu, l1 = d1 * scale + bu, l2 = d2 * scale + bu, l3 = d3 * scale + bu;
    logits[u] = l0;
    logits[m + u] = l1;
    logits[2 * m + u] = l2;
    logits[3 * m + u] = l3;
    if (l0 > m0) m0 = l0;
    if (l1 > m1) m1 = l1;
    if (l2 > m2) m2 = l2;
    if (l3 > m3) m3 = l3;
  }
  max[0] = m0, max[1] = m1, max[2] = m2, max[3] = m3;
}

/** $\sum_u e^{l_u-\max} c_u / \sum_u e^{l_u-\max}$ over `logits[offset .. offset + m)`. */
function softmaxMean(
  logits: Float64Array,
  offset: number,
  m: number,
  max: number,
  centers: Float64Array,
): number {
  let z = 0, acc = 0;
  for (let u = 0; u < m; u++) {
    const e = logits[offset + u] - max;
    if (e < CUTOFF) continue;
    const w = expNonPositive(e);
    z += w;
    acc += w * centers[u];
  }
  return acc / z;
}

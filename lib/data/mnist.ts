/**
 * The MNIST test set (10,000 images of 28×28; LeCun, Cortes & Burges), for experiments that want more
 * real data than the 8×8 digits.
 *
 * @module
 */
import { readGzip } from "./_files.ts";
import { centerColumns, type Dataset } from "./digits.ts";

function u32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(offset, false);
}

/** Options of {@linkcode loadMnist}. */
export interface MnistOptions {
  /** Subtract each pixel's mean. Default true. */
  center?: boolean;
  /** Keep only the first `limit` images. Default all 10,000. */
  limit?: number;
}

/**
 * Load the MNIST test set: `x` `[n, 784]` scaled to [0, 1] (then centred), `y` in 0..9.
 */
export async function loadMnist(options: MnistOptions = {}): Promise<Dataset> {
  const images = await readGzip("mnist-t10k-images-idx3-ubyte.gz");
  const labels = await readGzip("mnist-t10k-labels-idx1-ubyte.gz");
  if (u32(images, 0) !== 2051) throw new Error(`MNIST images: bad magic ${u32(images, 0)}, expected 2051`);
  if (u32(labels, 0) !== 2049) throw new Error(`MNIST labels: bad magic ${u32(labels, 0)}, expected 2049`);
  const count = u32(images, 4), rows = u32(images, 8), cols = u32(images, 12);
  if (u32(labels, 4) !== count) throw new Error(`MNIST: ${count} images but ${u32(labels, 4)} labels`);
  const n = Math.min(count, options.limit ?? count), d = rows * cols;
  const x = new Float64Array(n * d);
  for (let k = 0; k < n * d; k++) x[k] = images[16 + k] / 255;
  const y = Int32Array.from(labels.subarray(8, 8 + n));
  if (options.center ?? true) centerColumns(x, n, d);
  return { x, y, n, d, classes: 10 };
}

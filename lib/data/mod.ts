/**
 * Real data shipped in `data/`: the 8×8 digits and the MNIST test set, with seeded splits.
 *
 * @module
 */
export {
  centerColumns,
  type Dataset,
  type DigitsOptions,
  loadDigits,
  oneHot,
  splitDataset,
  takeRows,
  toRows,
} from "./digits.ts";
export { loadMnist, type MnistOptions } from "./mnist.ts";
export { type PcaOptions, pcaProject, type PcaResult } from "./pca.ts";
export {
  hypercube,
  hypercubeGram,
  kernelFromParitySpectrum,
  overlapKernel,
  parity,
  paritySpectrum,
  paritySum,
  popcount,
  randomParityMask,
} from "./hypercube.ts";
export { greatCircle, spherePoints } from "./sphere.ts";
export { modularAdditionSplit, modularLabel, type ModularOperation, type ModularSplit } from "./modular.ts";

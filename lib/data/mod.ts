/**
 * Real data shipped in `data/`: the 8×8 digits and the MNIST test set, with seeded splits.
 *
 * @module
 */
export { centerColumns, type Dataset, type DigitsOptions, loadDigits, oneHot, splitDataset, takeRows, toRows } from "./digits.ts";
export { loadMnist, type MnistOptions } from "./mnist.ts";

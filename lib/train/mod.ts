/**
 * Training loops.
 *
 * @module
 */
export { type GdOptions, type GdRun, gradientDescent, hessianRows, leastSquaresQuadratic, type Quadratic } from "./gd_quadratic.ts";
export { type BatchLoss, type LogEntry, type SgdOptions, trainSgd } from "./sgd.ts";

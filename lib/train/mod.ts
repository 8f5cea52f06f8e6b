/**
 * Training loops.
 *
 * @module
 */
export { type GdOptions, type GdRun, gradientDescent, hessianRows, leastSquaresQuadratic, type Quadratic } from "./gd_quadratic.ts";
export {
  type DeepLinearGradients,
  deepLinearGradients,
  type DeepLinearProblem,
  deepLinearProblemFromData,
  deepLinearProblemFromMap,
  type DeepLinearRun,
  type DeepLinearTrainOptions,
  type PlantedDeepLinear,
  plantedDeepLinearProblem,
  trainDeepLinear,
} from "./deep_linear.ts";
export { type Float64Optimizer, float64Optimizer, type Float64OptimizerOptions } from "./float64_optimizer.ts";
export { type Float64TrainOptions, type Float64TrainRun, trainFloat64Mlp } from "./float64_mlp.ts";
export { type BatchLoss, type LogEntry, type SgdOptions, trainSgd } from "./sgd.ts";

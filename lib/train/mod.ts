/**
 * Training loops.
 *
 * @module
 */
export {
  type GdOptions,
  type GdRun,
  gradientDescent,
  hessianRows,
  leastSquaresQuadratic,
  type Quadratic,
} from "./gd_quadratic.ts";
export { kernelRegression } from "./kernel_regression.ts";
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
export {
  type FullBatchOptions,
  type FullBatchRun,
  type SharpnessRecord,
  trainFullBatch,
} from "./full_batch.ts";
export {
  ddimStep,
  type Denoiser,
  noiseSchedule,
  type NoiseScheduleOptions,
  reverseDiffusion,
  type ReverseDiffusionOptions,
  type ReverseDiffusionRun,
} from "./reverse_diffusion.ts";
export {
  type Float64Optimizer,
  float64Optimizer,
  type Float64OptimizerOptions,
} from "./float64_optimizer.ts";
export { type Float64TrainOptions, type Float64TrainRun, trainFloat64Mlp } from "./float64_mlp.ts";
export { type BatchLoss, type LogEntry, type SgdLog, type SgdOptions, trainSgd } from "./sgd.ts";
export { type LayerwiseSgdOptions, type LayerwiseSgdRun, trainLayerwiseSgd } from "./layerwise_sgd.ts";
export {
  excessRisk,
  type GaussianRegression,
  gaussianRegression,
  minibatchGradient,
  type NormalSource,
  normalSource,
} from "./gaussian_regression.ts";
export { onlineSgd, type OnlineSgdOptions, type OnlineSgdRun } from "./online_sgd.ts";
export { type LazyTrainingOptions, type LazyTrainingRun, lazyTrainingRun } from "./lazy_training.ts";
export { gdOnPowerLaw, type PowerLawTask, powerLawTask } from "./power_law_gd.ts";
export { randomFeatureLosses, type RandomFeatureOptions } from "./random_features.ts";
export { quantaModelLoss, type QuantaSample, sampleQuanta } from "./quanta.ts";
export {
  type BestLearningRate,
  bestLearningRates,
  type LearningRateSweepOptions,
  type PredictionLoss,
  sweepLearningRates,
  type SweepPoint,
} from "./lr_sweep.ts";
export { featureMovementSweep, type FeatureSweepOptions, type FeatureSweepRow } from "./feature_sweep.ts";
export { type AdamWOptions, float64AdamW } from "./adamw.ts";
export {
  type ModularRecord,
  type ModularTrainOptions,
  type ModularTrainRun,
  trainModularAddition,
} from "./modular_addition.ts";
export {
  type MonomialRun,
  type MonomialSum,
  type MonomialTrainOptions,
  trainOnMonomials,
} from "./staircase.ts";
export {
  trainUnconstrainedFeatures,
  type UfmOptions,
  type UfmRecord,
  type UfmRun,
} from "./unconstrained_features.ts";
export {
  type ClassifierLog,
  type ClassifierRecord,
  type ClassifierTrainOptions,
  trainClassifier,
} from "./classifier.ts";
export { type ToyModel, type ToyModelOptions, trainToyModel, trainToyModelBestOf } from "./superposition.ts";
export { type Divergence, divergenceText, divergenceWatch } from "./_divergence.ts";

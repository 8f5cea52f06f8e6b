/**
 * Closed-form predictions. Nothing here trains a model: notebooks lay these over measurements.
 *
 * @module
 */
export { criticalLearningRate, distanceToMinimum, modeResiduals, stepsToShrink } from "./quadratic.ts";
export {
  eigenlearning,
  type EigenlearningOptions,
  type EigenlearningPrediction,
  modeLearnabilities,
  solveKappa,
} from "./eigenlearning.ts";
export { binomial, hypercubeEigenvalues, hypercubeMultiplicities, krawtchouk } from "./hypercube_kernel.ts";
export {
  balancednessIncrement,
  expectedInitialStrength,
  saddleLossLevels,
  saxeHalfTime,
  saxeModeStrength,
} from "./deep_linear.ts";
export { type InfiniteWidthKernels, reluNtk, type ReluNtkOptions } from "./arccos_kernel.ts";
export { linearizedGd, type LinearizedGdOptions, type LinearizedGdPrediction } from "./linearized.ts";
export {
  type MomentumKind,
  quadraticIterationRadius,
  type StabilityOptions,
  stabilityThreshold,
} from "./edge_of_stability.ts";
export {
  checkNoisedBatch,
  idealDenoiser,
  idealPosteriorWeights,
  idealScore,
  type ImageRows,
  noisedEmpiricalLogDensity,
  type NoiseLevel,
} from "./ideal_denoiser.ts";
export {
  extractPatch,
  localScoreDenoiser,
  type PatchBank,
  patchBank,
  type PatchBankOptions,
  type PatchPool,
} from "./local_score.ts";
export { rescaleChargeIncrement, scaleChargeIncrement, weightDecayChargeRate } from "./conservation.ts";
export {
  sgdNoiseFactor,
  type SgdNoiseOptions,
  sgdRiskCurve,
  type SgdRiskCurveOptions,
  sgdStabilityLimit,
  smallStepExcessRisk,
  stationaryExcessRisk,
} from "./sgd_noise.ts";
export { expectedStepGain, type NoiseScales, optimalStepGain, regressionNoiseScales } from "./noise_scale.ts";
export {
  computeOptimalExponents,
  type FrontierExponents,
  gdAsymptoticLoss,
  gdLossExact,
  gdTimeExponent,
  modelSizeExponent,
  randomFeatureLoss,
} from "./scaling.ts";
export { quantaDataLoss, quantaExponents, quantaFrequencies, quantaLoss, zipfTail } from "./quanta.ts";
export {
  type TwoLayerExponents,
  twoLayerWidthExponents,
  type WidthExponentOptions,
} from "./width_scaling.ts";
export {
  simplexEtf,
  simplexEtfCosine,
  type UfmOptimum,
  unconstrainedFeaturesOptimum,
} from "./neural_collapse.ts";
export { fourierModularNetwork, type FourierNetworkOptions, randomFourierShare } from "./modular_fourier.ts";
export { leapComplexity, staircasePlateaus } from "./leap.ts";
export {
  antipodalBothActiveError,
  antipodalLoss,
  dimensionsPerFeature,
  linearTwoFeaturePhase,
  planarDirections,
  type PlanarGeometry,
  planarGeometryLoss,
  predictedTwoFeaturePhase,
  representedFeatures,
  type TwoFeatureLosses,
  twoFeatureLosses,
  type TwoFeaturePhase,
} from "./superposition.ts";

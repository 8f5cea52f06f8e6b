/**
 * Models written functionally (parameters in, outputs out).
 *
 * @module
 */
export { activation, type ActivationName } from "./activation.ts";
export { initMlp, mlpFeatures, mlpForward, type MlpSpec } from "./mlp.ts";
export {
  type LayerScale,
  layerScales,
  mlpLearningRates,
  type ParameterizationName,
  weightScaleOf,
} from "./parameterization.ts";
export { alignedBalancedInit, type DeepLinearWeights, gaussianDeepLinearInit } from "./deep_linear.ts";
export {
  cloneFloat64Mlp,
  type Float64MlpGradients,
  float64MlpGradients,
  type Float64MlpParams,
  type Float64MlpSpec,
  initFloat64Mlp,
} from "./float64_mlp.ts";
export {
  initModularMlp,
  modularAccuracy,
  type ModularMlp,
  modularMlpForward,
  type ModularMlpGradients,
  modularMlpGradients,
  type ModularMlpOptions,
} from "./modular_mlp.ts";
export {
  initMeanFieldNet,
  meanFieldForward,
  type MeanFieldGradients,
  meanFieldGradients,
  type MeanFieldInit,
  type MeanFieldNet,
} from "./mean_field_net.ts";
export {
  planarToyModel,
  toyModelLoss,
  toyModelLossOn,
  type ToyModelWeights,
  type ToySample,
  toySample,
} from "./toy_superposition.ts";

/**
 * Experiments: runs that train (or fit) a model and then read a quantity off it, such as a kernel
 * regression's learning curve, the test error of kernel regression on the hypercube, or the step gains and
 * noise scale of minibatch SGD. `lib/measure/` holds pure readings of a model or of data; these combine
 * `lib/train/` with such readings, so they live apart from both.
 *
 * @module
 */
export { hypercubeLearnabilities, hypercubeTestMse } from "./hypercube_regression.ts";
export {
  type CriticalBatchFit,
  fitCriticalBatch,
  measureStepGains,
  type StepGainOptions,
  type StepGains,
} from "./step_gain.ts";
export { estimateSimpleNoiseScale, type SimpleNoiseEstimate } from "./noise_scale.ts";
export {
  type KernelLearningCurve,
  kernelLearningCurve,
  type KernelLearningCurveOptions,
  poolTestMse,
} from "./kernel_learning_curve.ts";

/**
 * Checks for the exercises in `solutions/` (and the generated `exercises/`). Each `checkXxx(fn)` calls the
 * student's function and throws `CheckFailure` with what was expected and how far off it was; it compares with
 * the library or with an exact property, never with a stored number.
 *
 * @module
 */
export { checkDistanceAfter, checkMaxStableLearningRate } from "./gd_quadratic.ts";
export { checkDdimStep, checkIdealDenoiser, checkLocalScorePixel } from "./diffusion.ts";
export { checkEmaThreshold, checkSharpness, type SharpnessFn } from "./sharpness.ts";
export { checkBalanceIncrement, checkSaxeHalfTime } from "./deep_linear.ts";
export { checkRescaleCharge, checkTranslationCharge } from "./conservation.ts";
export { checkEigenlearningTestMse, checkSolveKappa } from "./eigenlearning.ts";
export { checkEmpiricalNtk, checkTwoLayerReluNtk, type EmpiricalNtkFn } from "./ntk.ts";
export {
  checkSimpleNoiseScale,
  checkStationaryExcessRisk,
  type SimpleNoiseScaleFn,
  type StationaryRiskFn,
} from "./sgd_noise.ts";
export {
  checkComputeOptimalSplit,
  checkFitPowerLaw,
  type ComputeSplitFn,
  type PowerLawFitFn,
} from "./scaling.ts";
export { checkKernelSpectrum, checkPoolTestMse } from "./kernel_probe.ts";
export {
  checkLogLogSlope,
  checkMuPConfig,
  type LogLogSlopeFn,
  type MuPConfigFn,
  type MuPLayer,
} from "./mup.ts";
export {
  checkDecaySteps,
  checkFourierPowerShare,
  checkLeapComplexity,
  type DecayStepsFn,
  type FourierShareFn,
  type LeapFn,
} from "./grokking.ts";
export {
  checkLinearCka,
  checkNc1,
  checkZhuFeatureNorm,
  type LinearCkaFn,
  type Nc1Fn,
  type ZhuNormFn,
} from "./neural_collapse.ts";

/**
 * Checks for the exercises in `solutions/` (and the generated `exercises/`). Each `checkXxx(fn)` calls the
 * student's function and throws `CheckFailure` with what was expected and how far off it was; it compares with
 * the library or with an exact property, never with a stored number.
 *
 * @module
 */
export {
  checkDistanceAfter,
  checkMaxStableLearningRate,
  checkMomentumStableLearningRate,
} from "./gd_quadratic.ts";
export { checkCollapseNu, checkDdimStep, checkIdealDenoiser, checkLocalScorePixel } from "./diffusion.ts";
export { checkEmaThreshold, checkSharpness, type SharpnessFn } from "./sharpness.ts";
export { checkBalanceIncrement, checkSaxeHalfTime, checkStartForHalfTime } from "./deep_linear.ts";
export { checkEquilibriumNorm, checkRescaleCharge, checkTranslationCharge } from "./conservation.ts";
export { checkEigenlearningTestMse, checkSamplesToHalfLearn, checkSolveKappa } from "./eigenlearning.ts";
export { checkEmpiricalNtk, checkKinkExponent, checkTwoLayerReluNtk, type EmpiricalNtkFn } from "./ntk.ts";
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
export { checkKappaExponent, checkKernelSpectrum, checkPoolTestMse } from "./kernel_probe.ts";
export {
  checkBestLrExponent,
  checkLogLogSlope,
  checkMuPConfig,
  type LogLogSlopeFn,
  type MuPConfigFn,
  type MuPLayer,
  type WidthExponents,
} from "./mup.ts";
export { checkFourierPowerShare, checkLeapComplexity, type FourierShareFn, type LeapFn } from "./grokking.ts";
export { checkLinearCka, checkNc1, type LinearCkaFn, type Nc1Fn } from "./neural_collapse.ts";
export {
  type AntipodalBoundaryFn,
  type BothActiveErrorFn,
  checkAntipodalBoundary,
  checkBothActiveError,
} from "./superposition.ts";

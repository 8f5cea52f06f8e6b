/**
 * Quantities read off models: Hessian-vector products and sharpness (the top Hessian eigenvalue), with
 * helpers that flatten parameter lists. Second-order quantities need second-order-safe ops: build losses
 * from `lib/autodiff` (DESIGN.md, "Second-order autodiff").
 *
 * @module
 */
export { hessianVectorProduct, type LossFn } from "./hvp.ts";
export { sharpness, type SharpnessOptions, type SharpnessResult } from "./sharpness.ts";
export { countParams, flattenParams, unflattenParams } from "./params.ts";
export { crossingTime, initialModeStrength, modeStrengths } from "./modes.ts";
export { balancedness, relativeFrobeniusError } from "./balancedness.ts";
export {
  findPlateaus,
  numericalRank,
  type Plateau,
  type PlateauOptions,
  singularValues,
} from "./plateaus.ts";
export { empiricalNtk, outputJacobian, type ScalarModel } from "./empirical_ntk.ts";
export { type NearestNeighborOptions, type NearestNeighbors, nearestNeighbors } from "./nearest_neighbor.ts";
export { nearestPatchDistances } from "./patch_distance.ts";
export {
  type ChargeTracker,
  relativeVectorError,
  rescaleCharges,
  scaleCharges,
  trackCharges,
  translationCharges,
} from "./conserved.ts";
export { lanczosEigenvalues, type LanczosOptions, type LanczosResult } from "./lanczos.ts";
export { type PlantedQuadratic, plantedQuadratic } from "./planted_quadratic.ts";
export { fractionBelow, median, quantile } from "./quantile.ts";
export { featureMovement } from "./feature_movement.ts";
export { computeOptimalFrontier, type Frontier } from "./frontier.ts";
export { preconditionedSharpness, type PreconditionedSharpnessOptions } from "./preconditioned_sharpness.ts";
export { type KernelSpectrum, kernelSpectrum } from "./kernel_spectrum.ts";
export { mlpNtk } from "./mlp_ntk.ts";
export { fourierPower, fourierPowerShare } from "./fourier.ts";
export { type NeuralCollapse, neuralCollapse } from "./neural_collapse.ts";
export { linearCka } from "./cka.ts";
export {
  type EdgeOfStabilityOptions,
  type EdgeOfStabilitySummary,
  type SharpnessTrace,
  summarizeEdgeOfStability,
} from "./edge_of_stability.ts";
export {
  calibrateCreativity,
  type CalibrationOptions,
  type CreativityCriteria,
  type CreativityReport,
  inkAndContrast,
  judgeCreativity,
  meanPatchDistance,
} from "./creativity.ts";
export { dimensionsPerFeatureOf, featureNorms, twoFeaturePhaseOf } from "./superposition.ts";

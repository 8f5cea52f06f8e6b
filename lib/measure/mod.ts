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
export { findPlateaus, numericalRank, type Plateau, type PlateauOptions, singularValues } from "./plateaus.ts";
export {
  type ChargeTracker,
  relativeVectorError,
  rescaleCharges,
  scaleCharges,
  trackCharges,
  translationCharges,
} from "./conserved.ts";

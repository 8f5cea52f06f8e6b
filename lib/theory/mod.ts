/**
 * Closed-form predictions. Nothing here trains a model: notebooks lay these over measurements.
 *
 * @module
 */
export { criticalLearningRate, distanceToMinimum, modeResiduals, stepsToShrink } from "./quadratic.ts";
export { balancednessIncrement, expectedInitialStrength, saddleLossLevels, saxeHalfTime, saxeModeStrength } from "./deep_linear.ts";
export { rescaleChargeIncrement, scaleChargeIncrement, weightDecayChargeRate } from "./conservation.ts";

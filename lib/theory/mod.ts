/**
 * Closed-form predictions. Nothing here trains a model: notebooks lay these over measurements.
 *
 * @module
 */
export { criticalLearningRate, distanceToMinimum, modeResiduals, stepsToShrink } from "./quadratic.ts";

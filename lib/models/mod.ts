/**
 * Models written functionally (parameters in, outputs out).
 *
 * @module
 */
export { activation, type ActivationName } from "./activation.ts";
export { initMlp, mlpForward, type MlpSpec } from "./mlp.ts";

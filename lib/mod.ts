/**
 * `learning-mechanics`: everything a notebook imports.
 *
 * ```ts ignore
 * import { claims, setup, showChart } from "learning-mechanics";
 * ```
 *
 * Folders: `theory/` closed-form predictions (never trains), `measure/` quantities read off models, `experiments/` runs that train and then measure,
 * `models/`, `train/`, `data/`, `linalg/`, `fit/`, `plot/`, `table/`; plus `claims.ts`, `setup.ts`
 * (backend selection and report) and `random.ts` (seeded randomness).
 *
 * @module
 */
export * as tf from "@tensorflow/tfjs-core";
export { type BackendReport, describeBackend, initBackend } from "./backend.ts";
export { setup } from "./setup.ts";
export {
  claim,
  type ClaimInput,
  type ClaimKind,
  type ClaimRecord,
  claims,
  evaluateClaim,
  fmt,
  type Rival,
  type RivalRecord,
  setupCheck,
  type SetupRecord,
  type Tolerance,
} from "./claims.ts";
export { display, type MimeBundle } from "./display.ts";
export {
  check,
  CheckFailure,
  checkSeed,
  describeValue,
  expectClose,
  expectTrue,
  NotImplementedError,
} from "./exercise.ts";
export { type Rng, rng } from "./random.ts";
export { type Progress, progress } from "./progress.ts";
export { checkInterrupt, InterruptedError } from "./interrupt.ts";
export * from "./plot/mod.ts";
export * from "./table/mod.ts";
export * from "./data/mod.ts";
export * from "./theory/mod.ts";
export * from "./train/mod.ts";
export * from "./models/mod.ts";
export * from "./linalg/mod.ts";
export * from "./fit/mod.ts";
export * from "./autodiff/mod.ts";
export * from "./measure/mod.ts";
export * from "./experiments/mod.ts";
export * from "./exercises/mod.ts";

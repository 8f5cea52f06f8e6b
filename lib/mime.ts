/**
 * MIME types of the machine-readable outputs notebooks emit and the runner collects. Kept in a module of
 * their own so the runner can read them without loading TensorFlow.js.
 *
 * @module
 */

/** Claim records: an array of `ClaimRecord` (lib/claims.ts). */
export const CLAIM_MIME = "application/vnd.learning-mechanics.claim+json";

/** The backend record: a `BackendReport` (lib/backend.ts), emitted once by `setup()`. */
export const BACKEND_MIME = "application/vnd.learning-mechanics.backend+json";

/** Exercise check records: a `CheckRecord` (lib/exercise.ts). */
export const CHECK_MIME = "application/vnd.learning-mechanics.check+json";

/** Setup checks: a `SetupRecord` (lib/claims.ts), a condition an experiment needs, shown apart from claims. */
export const SETUP_MIME = "application/vnd.learning-mechanics.setup+json";

/**
 * Private validation shared by the fits: equal lengths, finite values, an optional range on the abscissa,
 * positivity where a logarithm will be taken, and enough points for a slope and its standard error.
 *
 * @module
 */

/** What {@linkcode selectPoints} checks. */
export interface PointSpec {
  /** The calling function, e.g. `"fitPowerLaw(x, y)"`; starts every error message. */
  where: string;
  /** Names of the two arrays in messages, e.g. `["x", "y"]` or `["t", "y"]`. */
  names: [string, string];
  /** Keep points with `min ≤ abscissa ≤ max` (defaults: −∞, +∞). */
  min?: number;
  max?: number;
  /** Require positive abscissae / ordinates among the kept points (for a logarithm). */
  positiveX?: boolean;
  positiveY?: boolean;
  /** Why positivity is required, appended to the message, e.g. `"for a log–log fit"`. */
  reason?: string;
}

/** The kept points, in their original order. */
export interface Points {
  x: Float64Array;
  y: Float64Array;
}

/** Validates `(x, y)` and returns the points inside the range; throws a `RangeError` naming the bad value. */
export function selectPoints(x: ArrayLike<number>, y: ArrayLike<number>, spec: PointSpec): Points {
  const { where, names: [xn, yn], min = -Infinity, max = Infinity, reason = "" } = spec;
  for (const [name, v] of [[xn, x], [yn, y]] as const) {
    if (v === null || typeof v !== "object" || typeof v.length !== "number") {
      throw new RangeError(
        `${where}: expected ${name} to be an array of numbers, got ${v === null ? "null" : typeof v}`,
      );
    }
  }
  if (x.length !== y.length) {
    throw new RangeError(
      `${where}: expected ${xn} and ${yn} to have the same length, got ${x.length} and ${y.length}`,
    );
  }
  if (Number.isNaN(min) || Number.isNaN(max) || min > max) {
    throw new RangeError(`${where}: expected a range with min ≤ max, got [${min}, ${max}]`);
  }
  const keptX: number[] = [], keptY: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      throw new RangeError(`${where}: expected finite values, but ${xn}[${i}] = ${x[i]}`);
    }
    if (x[i] < min || x[i] > max) continue;
    if (!Number.isFinite(y[i])) {
      throw new RangeError(`${where}: expected finite values, but ${yn}[${i}] = ${y[i]}`);
    }
    if (spec.positiveX && !(x[i] > 0)) {
      throw new RangeError(`${where}: expected positive ${xn}${reason}, but ${xn}[${i}] = ${x[i]}`);
    }
    if (spec.positiveY && !(y[i] > 0)) {
      throw new RangeError(`${where}: expected positive ${yn}${reason}, but ${yn}[${i}] = ${y[i]}`);
    }
    keptX.push(x[i]);
    keptY.push(y[i]);
  }
  if (keptX.length < 3) {
    const inRange = min === -Infinity && max === Infinity
      ? ""
      : ` with ${xn} in [${min}, ${max}] (of ${x.length})`;
    throw new RangeError(
      `${where}: expected at least 3 points (two parameters and a standard error), got ${keptX.length}${inRange}`,
    );
  }
  if (keptX.every((v) => v === keptX[0])) {
    throw new RangeError(
      `${where}: expected at least two distinct ${xn} values, but every ${xn} = ${keptX[0]}`,
    );
  }
  return { x: Float64Array.from(keptX), y: Float64Array.from(keptY) };
}

/**
 * A tiny assertion library for tests and notebook checks (JSR's `@std/assert` is not reachable offline).
 *
 * @module
 */
import { deepStrictEqual } from "node:assert/strict";

/** Throws when `condition` is false. */
export function assert(condition: unknown, message = "assertion failed"): asserts condition {
  if (!condition) throw new Error(message);
}

/** Deep equality (node's strict semantics). */
export function assertEquals<T>(actual: T, expected: T, message?: string): void {
  // Two calls, not one with `message` possibly undefined: newer @types/node (pulled in by npm packages that
  // reference it) no longer accepts an undefined message.
  if (message === undefined) deepStrictEqual(actual, expected);
  else deepStrictEqual(actual, expected, message);
}

/** |actual − expected| ≤ tol · max(1, |expected|). */
export function assertClose(actual: number, expected: number, tol = 1e-9, message = ""): void {
  const scale = Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tol * scale)) {
    throw new Error(`${message ? message + ": " : ""}expected ${expected} ± ${tol * scale}, got ${actual}`);
  }
}

/** `fn` throws an instance of `ErrorClass` whose message includes `includes`. */
export function assertThrows(
  fn: () => unknown,
  // deno-lint-ignore no-explicit-any
  ErrorClass: new (...args: any[]) => Error = Error,
  includes = "",
): Error {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof ErrorClass)) throw new Error(`expected ${ErrorClass.name}, got ${e}`);
    if (!e.message.includes(includes)) {
      throw new Error(`expected message to include "${includes}", got "${e.message}"`);
    }
    return e;
  }
  throw new Error(`expected ${ErrorClass.name} to be thrown`);
}

/** Async variant of {@linkcode assertThrows}. */
export async function assertRejects(
  fn: () => Promise<unknown>,
  // deno-lint-ignore no-explicit-any
  ErrorClass: new (...args: any[]) => Error = Error,
  includes = "",
): Promise<Error> {
  try {
    await fn();
  } catch (e) {
    if (!(e instanceof ErrorClass)) throw new Error(`expected ${ErrorClass.name}, got ${e}`);
    if (!e.message.includes(includes)) {
      throw new Error(`expected message to include "${includes}", got "${e.message}"`);
    }
    return e;
  }
  throw new Error(`expected ${ErrorClass.name} to be thrown`);
}

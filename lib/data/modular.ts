/**
 * The modular-addition table $(a, b) \mapsto (a + b) \bmod p$ as a data set: all $p^2$ pairs, each stored as
 * the integer $ap + b$, split at random into a training and a test part (Power et al. 2022,
 * arXiv:2201.02177). Introduced in notebook 10.
 *
 * @module
 */
import { rng } from "../random.ts";

/**
 * The binary operation whose table is learned: $(a+b)$, $(a-b)$ or $(a\cdot b) \bmod p$. For a network with
 * separate embeddings of the two slots, `"subtract"` is `"add"` with the second token relabelled $b \to -b$;
 * `"multiply"` is not a relabelling of `"add"` (the row and column of 0 are constant).
 */
export type ModularOperation = "add" | "subtract" | "multiply";

/** A seeded split of the $p^2$ pairs. */
export interface ModularSplit {
  p: number;
  /** The operation whose table is split. Default `"add"`. */
  operation?: ModularOperation;
  /** Training pairs $ap + b$. */
  train: Int32Array;
  /** The remaining pairs. */
  test: Int32Array;
}

/**
 * Split all $p^2$ pairs: a fraction `trainFraction` (rounded) for training, the rest for testing.
 *
 * @example
 * ```ts
 * import { modularAdditionSplit } from "./modular.ts";
 * const { train, test } = modularAdditionSplit(5, { trainFraction: 0.4, seed: 0 });
 * if (train.length !== 10 || test.length !== 15) throw new Error("10 of 25 pairs for training");
 * ```
 */
export function modularAdditionSplit(
  p: number,
  options: { trainFraction?: number; seed: number; operation?: ModularOperation },
): ModularSplit {
  if (!Number.isInteger(p) || p < 2) {
    throw new RangeError(`modularAdditionSplit: expected an integer p ≥ 2, got ${p}`);
  }
  const fraction = options.trainFraction ?? 0.5;
  if (!(fraction > 0 && fraction < 1)) {
    throw new RangeError(`modularAdditionSplit: expected a train fraction in (0, 1), got ${fraction}`);
  }
  const perm = rng(options.seed).permutation(p * p);
  const nTrain = Math.round(fraction * p * p);
  const operation = options.operation ?? "add";
  if (!OPERATIONS.includes(operation)) {
    throw new RangeError(
      `modularAdditionSplit: operation must be one of ${OPERATIONS.join(", ")}, got ${operation}`,
    );
  }
  return {
    p,
    operation,
    train: Int32Array.from(perm.slice(0, nTrain)),
    test: Int32Array.from(perm.slice(nTrain)),
  };
}

const OPERATIONS: ModularOperation[] = ["add", "subtract", "multiply"];

/** The label $(a \circ b) \bmod p$ of the pair stored as $ap + b$ (default $\circ = +$). */
export function modularLabel(pair: number, p: number, operation: ModularOperation = "add"): number {
  const a = Math.floor(pair / p), b = pair - a * p;
  if (operation === "add") return (a + b) % p;
  if (operation === "subtract") return (a - b + p) % p;
  return (a * b) % p;
}

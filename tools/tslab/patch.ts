/**
 * A one-place fix to tslab 1.0.22, applied to the copy in `tools/tslab/node_modules` by the Node build.
 *
 * tslab stores a cell's top-level variables on `exports` and rewrites later cells' references to them as
 * `exports.name` — but it misses shorthand properties: `{ seed, steps: 10 }` in a later cell stays `seed`
 * and throws `ReferenceError: seed is not defined` (notebooks 00 and 01 do this). The fix rewrites such a
 * property as `seed: exports.seed` when `seed` was declared by an earlier cell. It is applied only to the
 * exact text it was written for, and is idempotent.
 *
 * @module
 */

/** The function in `tslab/dist/converter.js` that rewrites references to earlier cells' variables. */
const ORIGINAL = `        function wrapPrevIdentifier(node) {
            var _a, _b;
            if (!ts.isIdentifier(node)) {`;

const MARKER = "/* learning-mechanics: shorthand properties */";

const PATCHED = `        function wrapPrevIdentifier(node) {
            var _a, _b;
            ${MARKER}
            if (ts.isShorthandPropertyAssignment(node) && !node.objectAssignmentInitializer) {
                const valueSymbol = checker.getShorthandAssignmentValueSymbol(node);
                const fromPrevCell = ((valueSymbol === null || valueSymbol === void 0 ? void 0 : valueSymbol.declarations) || [])
                    .some((decl) => decl.getSourceFile() === declsFile);
                if (fromPrevCell) {
                    return ts.factory.createPropertyAssignment(node.name.text, ts.factory.createPropertyAccessExpression(ts.factory.createIdentifier("exports"), node.name.text));
                }
            }
            if (!ts.isIdentifier(node)) {`;

/** What {@linkcode patchTslab} did. */
export type PatchResult = "patched" | "already-patched";

/**
 * Apply the fix to `converter.js` of the tslab in `tslabDir` (`…/node_modules/tslab`). Throws when the file
 * is not the one the fix was written for (another tslab version).
 */
export async function patchTslab(tslabDir: string): Promise<PatchResult> {
  const path = `${tslabDir}/dist/converter.js`;
  const text = await Deno.readTextFile(path);
  if (text.includes(MARKER)) return "already-patched";
  const count = text.split(ORIGINAL).length - 1;
  if (count !== 1) {
    throw new Error(
      `Cannot patch ${path}: expected wrapPrevIdentifier exactly once as in tslab 1.0.22, found it ${count} ` +
        `time(s); is tools/tslab/package.json's tslab version installed (npm ci --prefix tools/tslab)?`,
    );
  }
  await Deno.writeTextFile(path, text.replace(ORIGINAL, PATCHED));
  return "patched";
}

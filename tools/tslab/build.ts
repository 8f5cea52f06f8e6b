/**
 * Build `lib/` into a Node package, `learning-mechanics`, for the tslab kernel (DESIGN.md, "tslab").
 *
 * tslab compiles cells to CommonJS with TypeScript 5.0, type-checks every cell, and cannot load `.ts` files
 * outside its working directory. So the library is compiled ahead of time with the TypeScript compiler
 * pinned in `tools/tslab/package.json` (CommonJS + `.d.ts`, relative `.ts` imports rewritten to `.js`):
 *
 * ```
 * _build/node/learning-mechanics/
 *   package.json            main: lib/mod.js, types: lib/mod.d.ts
 *   lib/…                   compiled lib/ (tests left out)
 *   data -> ../../../data   so lib/data/_files.js finds data/ exactly as lib/data/_files.ts does
 * node_modules/learning-mechanics -> ../_build/node/learning-mechanics
 * ```
 *
 * It also applies tools/tslab/patch.ts to the installed tslab. The link in the project's `node_modules/` lets cells (kernel started in `notebooks/`) and tslab's type
 * checker resolve the bare name `"learning-mechanics"`; the npm packages the library uses resolve from the
 * same `node_modules/` that `deno install` fills (and prunes: the link is remade by every build, which is
 * otherwise skipped when its inputs did not change).
 *
 * Usage: `deno task tslab-build [--force]`
 *
 * @module
 */
import { fileURLToPath as fromFileUrl } from "node:url";
import { patchTslab } from "./patch.ts";

/** Project root (two levels above this file). */
export const ROOT: string = fromFileUrl(new URL("../../", import.meta.url))
  .replace(/\/$/, "");
/** The tslab side's npm project (tslab, TypeScript, @types/node). */
export const TSLAB_DIR = `${ROOT}/tools/tslab`;
/** Where the Node package is written. */
export const PACKAGE_DIR = `${ROOT}/_build/node/learning-mechanics`;
/** The tslab launcher a kernelspec names. */
export const TSLAB_BIN = `${TSLAB_DIR}/node_modules/tslab/bin/tslab`;

const TSC = `${TSLAB_DIR}/node_modules/typescript/bin/tsc`;
const STAMP = `${PACKAGE_DIR}/.inputs-hash`;
/** Diagnostics for `import.meta` in a CommonJS build: the emitted code is rewritten below instead. */
const IMPORT_META_CODES = new Set(["TS1343", "TS1470"]);

/** Raised when the tslab side is not installed; the message says how to install it. */
export class TslabNotInstalledError extends Error {
  constructor(missing: string) {
    super(
      `The tslab side is not installed (${missing} is missing). Install it with:\n` +
        `  npm ci --prefix tools/tslab`,
    );
    this.name = "TslabNotInstalledError";
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch {
    return false;
  }
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = [];
  for await (const e of Deno.readDir(dir)) entries.push(e);
  entries.sort((a, b) => a.name < b.name ? -1 : 1);
  for (const e of entries) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory) yield* walk(path);
    else if (e.isFile) yield path;
  }
}

/** The library sources the package is built from: `lib/**\/*.ts` except tests. */
export async function librarySources(): Promise<string[]> {
  const out: string[] = [];
  for await (const path of walk(`${ROOT}/lib`)) {
    if (
      path.endsWith(".ts") && !path.endsWith("_test.ts") &&
      !path.endsWith("/_assert.ts")
    ) out.push(path);
  }
  return out;
}

/** SHA-256 of the sources, this script and the pinned compiler: the build is fresh when it matches. */
export async function inputsHash(): Promise<string> {
  const parts: string[] = [];
  for (
    const path of [
      ...await librarySources(),
      fromFileUrl(import.meta.url),
      `${TSLAB_DIR}/package.json`,
    ]
  ) {
    parts.push(path, await Deno.readTextFile(path));
  }
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(parts.join("\0")),
  );
  return Array.from(
    new Uint8Array(digest),
    (b) => b.toString(16).padStart(2, "0"),
  ).join("");
}

const LINK = `${ROOT}/node_modules/learning-mechanics`;

/** Link the package into the project's `node_modules/` (`deno install` removes links it did not make). */
async function link(): Promise<void> {
  await Deno.remove(LINK).catch(() => {});
  await Deno.symlink("../_build/node/learning-mechanics", LINK);
}

/** True when the package exists and was built from the current sources (linked or not). */
export async function isFresh(): Promise<boolean> {
  try {
    return (await Deno.readTextFile(STAMP)).trim() === await inputsHash();
  } catch {
    return false;
  }
}

function tsconfig(sources: string[]): Record<string, unknown> {
  return {
    compilerOptions: {
      target: "ES2022",
      module: "commonjs",
      moduleResolution: "node10",
      ignoreDeprecations: "6.0",
      rewriteRelativeImportExtensions: true,
      esModuleInterop: true,
      declaration: true,
      strict: true,
      noImplicitReturns: true,
      noFallthroughCasesInSwitch: true,
      skipLibCheck: true,
      lib: ["ES2022", "DOM", "DOM.Iterable"],
      types: ["node"],
      typeRoots: [`${TSLAB_DIR}/node_modules/@types`],
      rootDir: `${ROOT}/lib`,
      outDir: `${PACKAGE_DIR}/lib`,
      newLine: "lf",
    },
    files: sources,
  };
}

/**
 * Split the compiler's output (`--pretty false`) into diagnostics that make the package unusable — syntax
 * (TS1xxx) and unresolved modules (TS2307, TS2792) — and type errors, which still leave correct JavaScript.
 * `import.meta` diagnostics are dropped: {@linkcode rewriteOutput} translates it.
 */
export function classifyDiagnostics(
  output: string,
): { fatal: string[]; warnings: string[] } {
  const fatal: string[] = [];
  const warnings: string[] = [];
  let target: string[] | null = null;
  for (const line of output.split("\n")) {
    if (line.trim() === "") continue;
    const code = line.match(/error (TS\d+):/)?.[1];
    if (code) {
      target = IMPORT_META_CODES.has(code)
        ? null
        : /^TS1\d{3}$/.test(code) || code === "TS2307" || code === "TS2792"
        ? fatal
        : warnings;
    } else if (!/^\s/.test(line)) {
      target = fatal; // not a diagnostic: the compiler itself failed
    }
    target?.push(line);
  }
  return { fatal, warnings };
}

/** `import.meta.url` of an emitted CommonJS module. */
const CJS_MODULE_URL = `require("node:url").pathToFileURL(__filename).href`;

/**
 * In the emitted JavaScript, translate `import.meta.url`; in the emitted declarations, point relative
 * `.ts` specifiers at `.js` (TypeScript keeps them as written in `.d.ts`; tslab's TypeScript 5.0 resolves
 * `./x.js` to `./x.d.ts`).
 */
async function rewriteOutput(dir: string): Promise<void> {
  for await (const path of walk(dir)) {
    if (path.endsWith(".d.ts")) {
      const text = await Deno.readTextFile(path);
      const out = text.replace(
        /((?:from|import)\s*\(?\s*)(["'])(\.\.?\/[^"']*)\.ts\2/g,
        "$1$2$3.js$2",
      );
      if (out !== text) await Deno.writeTextFile(path, out);
      continue;
    }
    if (!path.endsWith(".js")) continue;
    const text = await Deno.readTextFile(path);
    if (!text.includes("import.meta")) continue;
    const out = text.replaceAll("import.meta.url", CJS_MODULE_URL);
    if (out.includes("import.meta")) {
      throw new Error(
        `${path} uses import.meta other than import.meta.url; the Node build can only translate ` +
          `import.meta.url (use it, or a helper in lib/_platform.ts)`,
      );
    }
    await Deno.writeTextFile(path, out);
  }
}

/** Options of {@linkcode buildNodePackage}. */
export interface BuildOptions {
  /** Rebuild even when the inputs did not change. */
  force?: boolean;
  /** Print what happens. Default true. */
  verbose?: boolean;
}

/**
 * Compile lib/ into `_build/node/learning-mechanics` and link it into `node_modules/`. Skipped when fresh.
 * Throws with the compiler's messages when lib/ does not compile as CommonJS.
 */
export async function buildNodePackage(
  options: BuildOptions = {},
): Promise<{ built: boolean; seconds: number }> {
  const t0 = performance.now();
  const log = options.verbose ?? true ? (s: string) => console.log(s) : () => {};
  for (const path of [TSC, TSLAB_BIN]) {
    if (!await exists(path)) {
      throw new TslabNotInstalledError(path.slice(ROOT.length + 1));
    }
  }
  if (!await exists(`${ROOT}/node_modules/@tensorflow/tfjs-core`)) {
    throw new Error(
      `node_modules/ has no npm packages yet: run \`deno install\` first`,
    );
  }
  if (await patchTslab(`${TSLAB_DIR}/node_modules/tslab`) === "patched") {
    log(
      "patched tslab: shorthand properties that name an earlier cell's variable (tools/tslab/patch.ts)",
    );
  }
  if (!options.force && await isFresh()) {
    if (!await exists(`${LINK}/package.json`)) await link();
    log(`learning-mechanics (Node package) is up to date: ${PACKAGE_DIR}`);
    return { built: false, seconds: (performance.now() - t0) / 1000 };
  }
  const hash = await inputsHash();
  await Deno.remove(PACKAGE_DIR, { recursive: true }).catch(() => {});
  await Deno.mkdir(PACKAGE_DIR, { recursive: true });
  const configPath = `${ROOT}/_build/node/tsconfig.json`;
  await Deno.writeTextFile(
    configPath,
    JSON.stringify(tsconfig(await librarySources()), null, 2) + "\n",
  );
  const out = await new Deno.Command("node", {
    args: [TSC, "-p", configPath, "--pretty", "false"],
  }).output();
  const { fatal, warnings } = classifyDiagnostics(
    new TextDecoder().decode(out.stdout),
  );
  if (fatal.length) {
    throw new Error(
      `lib/ does not compile for Node (tools/tslab/build.ts):\n${fatal.join("\n")}`,
    );
  }
  if (warnings.length) {
    log(
      `warning: the TypeScript compiler reports ${warnings.length} type error(s) in lib/; the package is ` +
        `built anyway (\`deno task check\` is the type check of record):\n${warnings.join("\n")}`,
    );
  }
  await rewriteOutput(`${PACKAGE_DIR}/lib`);
  await Deno.writeTextFile(
    `${PACKAGE_DIR}/package.json`,
    JSON.stringify(
      {
        name: "learning-mechanics",
        version: "0.0.0",
        private: true,
        description: "Built from lib/ by `deno task tslab-build`; do not edit.",
        main: "lib/mod.js",
        types: "lib/mod.d.ts",
      },
      null,
      2,
    ) + "\n",
  );
  await Deno.symlink("../../../data", `${PACKAGE_DIR}/data`);
  await link();
  await Deno.writeTextFile(STAMP, hash + "\n");
  const seconds = (performance.now() - t0) / 1000;
  log(
    `built learning-mechanics (Node package) in ${seconds.toFixed(1)} s: ${PACKAGE_DIR}`,
  );
  return { built: true, seconds };
}

if (import.meta.main) {
  try {
    await buildNodePackage({ force: Deno.args.includes("--force") });
  } catch (e) {
    console.error((e as Error).message);
    Deno.exit(1);
  }
}

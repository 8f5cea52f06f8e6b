/**
 * Plain-Unicode chart text. Chart titles and axis titles are drawn as text by Vega, not typeset, so TeX in
 * them shows up raw (`Σ_{j≥i} v_j²`, `\eta`). {@linkcode plainText} turns the common TeX-isms into Unicode
 * (`\eta` → η, `v_j` → vⱼ, `x^{2}` → x²) and, with `strict`, refuses what it cannot turn.
 *
 * @module
 */

const COMMANDS: Record<string, string> = {
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  varepsilon: "ε",
  zeta: "ζ",
  eta: "η",
  theta: "θ",
  iota: "ι",
  kappa: "κ",
  lambda: "λ",
  mu: "µ",
  nu: "ν",
  xi: "ξ",
  pi: "π",
  rho: "ρ",
  sigma: "σ",
  tau: "τ",
  upsilon: "υ",
  phi: "φ",
  varphi: "φ",
  chi: "χ",
  psi: "ψ",
  omega: "ω",
  Gamma: "Γ",
  Delta: "Δ",
  Theta: "Θ",
  Lambda: "Λ",
  Xi: "Ξ",
  Pi: "Π",
  Sigma: "Σ",
  Phi: "Φ",
  Psi: "Ψ",
  Omega: "Ω",
  sum: "Σ",
  prod: "Π",
  infty: "∞",
  cdot: "·",
  times: "×",
  le: "≤",
  leq: "≤",
  ge: "≥",
  geq: "≥",
  ne: "≠",
  neq: "≠",
  approx: "≈",
  sim: "∼",
  propto: "∝",
  to: "→",
  rightarrow: "→",
  leftarrow: "←",
  pm: "±",
  sqrt: "√",
  partial: "∂",
  nabla: "∇",
  ell: "ℓ",
  in: "∈",
  "|": "‖",
  langle: "⟨",
  rangle: "⟩",
  log: "log",
  exp: "exp",
  min: "min",
  max: "max",
  top: "ᵀ",
  prime: "′",
  dots: "…",
  ldots: "…",
  cdots: "⋯",
  star: "⋆",
  ",": " ",
  ";": " ",
  quad: " ",
  "%": "%",
  "{": "{",
  "}": "}",
};

const SUB: Record<string, string> = Object.fromEntries(
  [..."0123456789+-=()aehijklmnoprstuvxβγρφχ"].map((
    c,
    i,
  ) => [c, [..."₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ"][i]]),
);
const SUP: Record<string, string> = Object.fromEntries(
  [..."0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWβγδθιφχ"].map((c, i) => [
    c,
    [..."⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵝᵞᵟᶿᶥᵠᵡ"][i],
  ]),
);
SUP["−"] = "⁻";
SUB["−"] = "₋";

function script(text: string, table: Record<string, string>): string | undefined {
  const chars = [...text];
  return chars.every((c) => c in table) ? chars.map((c) => table[c]).join("") : undefined;
}

/** Options of {@linkcode plainText}. */
export interface PlainTextOptions {
  /** Throw instead of leaving TeX that has no plain-text form (`_{j≥i}`, an unknown `\command`). */
  strict?: boolean;
}

/**
 * Chart text in plain Unicode: `$` dropped, `\command` → its symbol, `_x` / `_{…}` and `^x` / `^{…}` → sub-
 * and superscript characters where Unicode has them all. A script Unicode lacks (`_{j≥i}`, `_F`) is kept as
 * `_(j≥i)` / `_F` (or refused with `strict`); a `_` between words (`test_loss`) is left alone.
 *
 * @throws {RangeError} with `strict`, naming the text and the part that has no plain-text form
 *
 * @example
 * ```ts
 * import { plainText } from "./plain_text.ts";
 * if (plainText("\\eta\\lambda_i and x^{2}") !== "ηλᵢ and x²") throw new Error("converted");
 * if (plainText("Σ_{j≥i} v_j²") !== "Σ_(j≥i) vⱼ²") throw new Error("unconvertible script kept readable");
 * ```
 */
export function plainText(text: string, options: PlainTextOptions = {}): string {
  const refuse = (part: string): never => {
    throw new RangeError(
      `chart text ${JSON.stringify(text)}: ${JSON.stringify(part)} has no plain-Unicode form; ` +
        "write it in Unicode (η, λᵢ, ², Σ over j ≥ i)",
    );
  };
  let out = text.replace(/\$/g, "");
  out = out.replace(/\\(\\|[A-Za-z]+|[|,;%{}])/g, (whole, name: string) => {
    if (name === "\\") return " ";
    if (name in COMMANDS) return COMMANDS[name];
    return options.strict ? refuse(whole) : whole;
  });
  out = out.replace(/\\(mathrm|text|mathbf|operatorname)\{([^{}]*)\}/g, "$2");
  const scripts = (mark: string, table: Record<string, string>) => {
    const m = mark === "^" ? "\\^" : "_";
    const braced = new RegExp(`${m}\\{([^{}]*)\\}`, "g");
    out = out.replace(braced, (whole, inner: string) => {
      const converted = script(inner, table);
      if (converted !== undefined) return converted;
      return options.strict ? refuse(whole) : `${mark}(${inner})`;
    });
    // A single-character script right after a symbol (v_j, x^2), not a `_` inside a word (test_loss).
    const single = new RegExp(`(?<=[\\p{L}\\p{N})‖|′])${m}([\\p{L}\\p{N}])(?![\\p{L}\\p{Nd}])`, "gu");
    out = out.replace(single, (whole, c: string) => table[c] ?? (options.strict ? refuse(whole) : whole));
  };
  scripts("_", SUB);
  scripts("^", SUP);
  if (options.strict && /\\[A-Za-z]|[{}]/.test(out)) refuse(out.match(/\\[A-Za-z]+|[{}]/)![0]);
  return out;
}

// %% [markdown] id=title
// # 01 · Gradient descent on a quadratic
//
// **Strand (a): solvable idealized settings.** Gradient descent (GD) on a quadratic loss is the one training
// problem we can solve exactly, and it already shows three phenomena that recur through the whole course:
//
// 1. **Modes.** In the eigenbasis of the Hessian, GD splits into independent one-dimensional problems, and each
//    *eigenmode* of the error shrinks geometrically at its own rate $(1-\eta\lambda_i)$.
// 2. **A sharp stability threshold.** GD converges if and only if $\eta < \eta_c = 2/\lambda_{\max}$; at
//    $\eta$ slightly above it, training blows up. Notebook 07 (edge of stability) starts from this fact.
// 3. **Implicit bias.** When there are more parameters than data, GD started at zero picks one particular
//    solution out of infinitely many: the one of minimum norm, $X^+y$.
//
// We derive each, *predict* the numbers in code before training, then *measure* them on least-squares regression
// on real 8×8 handwritten digits. Every prediction is checked by a claim; the course's tests re-run this
// notebook and fail if any claim does.
//
// References: the stability threshold and its role in deep learning, Cohen et al. 2021, *Gradient Descent on
// Neural Networks Typically Occurs at the Edge of Stability*, arXiv:2103.00065, §2; modes and momentum, Goh 2017,
// *Why Momentum Really Works*, Distill; the minimum-norm bias of GD, e.g. Gunasekar et al. 2018,
// arXiv:1802.08246, §2, and the perspective paper of this course, Simon et al. 2026, arXiv:2604.21691, strand (a).
//
// **You will be able to:** diagonalize a GD run, compute the largest stable learning rate of a data set, and
// explain why GD from zero generalizes like a minimum-norm interpolator.

// %% [markdown] id=params-md
// ## Parameters
// The knobs of every experiment below. The tests re-run the notebook with other seeds
// (`deno task run notebooks/01_gradient_descent_quadratic.ipynb -p seed=3`); every claim must hold for all of them.

// %% id=params tags=["parameters"]
const seed = 0; // random start w0 and the choice of the small data set
const modeSteps = 200; // GD steps in the mode-by-mode experiment
const stabilitySteps = 500; // steps in the stability experiment
const nSmall = 32; // samples in the underdetermined problem (d = 64 > nSmall)

// %% id=setup
import {
  claims,
  criticalLearningRate,
  distanceToMinimum,
  eigh,
  gradientDescent,
  hessianRows,
  leastSquaresQuadratic,
  lineChart,
  loadDigits,
  lstsq,
  matvec,
  modeResiduals,
  rng,
  setup,
  showChart,
  showTable,
  stepsToShrink,
  theoryVsMeasurement,
  toRows,
  transpose,
} from "learning-mechanics";
await setup();

// %% [markdown] id=derivation
// ## 1 · Derivation: GD diagonalizes
//
// Take the least-squares loss on $n$ samples $x_i\in\mathbb R^d$ (the rows of $X\in\mathbb R^{n\times d}$) with
// targets $y_i$:
// $$L(w) = \frac{1}{2n}\|Xw-y\|^2 = \tfrac12 w^\top H w - b^\top w + \text{const},\qquad
//   H = \tfrac1n X^\top X,\quad b = \tfrac1n X^\top y .$$
// Its gradient is $\nabla L(w) = Hw - b$, and every minimizer $w^*$ solves $Hw^* = b$. One GD step with
// learning rate $\eta$ is $w_{t+1} = w_t - \eta(Hw_t - b)$. Subtract $w^*$ and use $b = Hw^*$:
// $$w_{t+1}-w^* = (I-\eta H)(w_t-w^*) \quad\Longrightarrow\quad w_t - w^* = (I-\eta H)^t (w_0-w^*).$$
// $H$ is symmetric, so $H = Q\Lambda Q^\top$ with orthonormal eigenvectors $q_i$ (columns of $Q$) and eigenvalues
// $\lambda_1\ge\lambda_2\ge\dots\ge 0$. Write the error in that basis, $r_i(t) = q_i^\top(w_t-w^*)$. Because
// $(I-\eta H)^t = Q(I-\eta\Lambda)^tQ^\top$, the coordinates never mix:
// $$\boxed{\,r_i(t) = (1-\eta\lambda_i)^t\, r_i(0)\,}$$
// Each mode is a geometric sequence with ratio $1-\eta\lambda_i$:
// * modes with large $\lambda_i$ shrink fastest: GD learns the *top* directions of the data first (**spectral
//   bias**);
// * modes with $\lambda_i = 0$ (directions the data never varies in) never move at all;
// * a mode shrinks iff $|1-\eta\lambda_i|<1$, i.e. $0<\eta\lambda_i<2$. All modes shrink iff
//   $$\eta < \eta_c = \frac{2}{\lambda_{\max}}.$$
//   For $\eta$ just above $\eta_c$ the top mode flips sign every step and grows by $|1-\eta\lambda_1|>1$.

// %% [markdown] id=data-md
// ## 2 · The problem: regression on real digits
// Inputs are the 1,797 8×8 digit images, scaled to $[0,1]$ and centred pixel by pixel ($d = 64$). The target is
// $y = +1$ for even digits and $-1$ for odd ones. Some border pixels are blank in every image, so after centring
// their column is zero: $H$ has exact zero eigenvalues, and the minimizer $w^*$ is not unique. We use the
// minimum-norm one, $w^* = X^+y$ (computed by SVD); any minimizer gives the same $r_i$ on the non-null modes.

// %% id=data
const digits = await loadDigits();
const X = toRows(digits.x, digits.d);
const y = Array.from(digits.y, (label) => (label % 2 === 0 ? 1 : -1));
const problem = leastSquaresQuadratic(X, y);
const { values: lambda, vectors: Q } = eigh(hessianRows(problem));
const wStar = lstsq(X, y).solution;
const etaC = criticalLearningRate(lambda);
const nullModes = lambda.filter((l) => l < 1e-12 * lambda[0]).length;
await showTable([
  { quantity: "λ_max (sharpness)", value: lambda[0] },
  { quantity: "smallest non-null λ", value: lambda[lambda.length - 1 - nullModes] },
  { quantity: "null modes (λ = 0)", value: nullModes },
  { quantity: "η_c = 2/λ_max", value: etaC },
], { title: "Spectrum of H = XᵀX/n" });

// %% [markdown] id=modes-md
// ## 3 · Prediction and measurement, mode by mode
// **Predict.** From a random start $w_0$ (seeded), compute $r(0) = Q^\top(w_0-w^*)$ and the theory's
// $r_i(t) = (1-\eta\lambda_i)^t r_i(0)$ with $\eta = 1/\lambda_{\max}$ (half the critical rate).
//
// **Measure.** Run GD in float64 and project the error at a few times onto the eigenvectors.
//
// **Tolerance.** The derivation is exact, so the only differences are float64 rounding (≈1e-16 per operation,
// amplified by at most a few hundred steps and by the eigensolver's ≈1e-14 error). We compare each mode's error
// relative to its starting size $|r_i(0)|$ and require the largest deviation to be below $10^{-4}$, the
// curriculum's bound; it leaves ten orders of magnitude for rounding, so a failure would mean a wrong derivation.

// %% id=modes
const r = rng(seed);
const w0 = r.normals(digits.d);
const project = (w: ArrayLike<number>) => matvec(transpose(Q), Float64Array.from(w, (v, i) => v - wStar[i]));
const r0 = project(w0);
const eta = 1 / lambda[0];
const times = [0, 5, 20, 50, 100, modeSteps];
const run = gradientDescent(problem, { eta, steps: modeSteps, w0, snapshots: times });
let worst = 0;
const measuredRows = [], theoryRows = [];
const shown = [0, 3, 10, 30]; // modes to plot: top, and progressively flatter ones
for (const t of times) {
  const measured = project(run.snapshots.get(t)!);
  const predicted = modeResiduals(lambda, r0, { eta, t });
  for (let i = 0; i < lambda.length; i++) {
    if (Math.abs(r0[i]) < 1e-8) continue; // a mode the start happens not to excite
    worst = Math.max(worst, Math.abs(measured[i] - predicted[i]) / Math.abs(r0[i]));
  }
  for (const i of shown) measuredRows.push({ step: t, "|r_i(t)|": Math.abs(measured[i]), mode: `i = ${i}` });
}
for (let t = 0; t <= modeSteps; t += 2) {
  for (const i of shown) {
    theoryRows.push({ step: t, "|r_i(t)|": Math.abs(modeResiduals([lambda[i]], [r0[i]], { eta, t })[0]), mode: `i = ${i}` });
  }
}
await showChart(theoryVsMeasurement(measuredRows, {
  theory: theoryRows,
  x: "step",
  y: "|r_i(t)|",
  color: "mode",
  yScale: "log",
  title: "Each eigenmode decays as (1 − ηλᵢ)ᵗ: theory (dashed) vs GD (points)",
}));

// %% id=modes-claim
await claims([{
  name: "eigenmode residuals follow (1 − ηλᵢ)ᵗ rᵢ(0)",
  measured: worst,
  predicted: 0,
  tolerance: { abs: 1e-4 },
  unit: "max |measured − theory| / |rᵢ(0)|",
  citation: "exact solution of GD on a quadratic; Goh 2017 (Distill) §1",
}]);

// %% [markdown] id=stability-md
// ## 4 · The stability threshold $\eta_c = 2/\lambda_{\max}$
// **Predict.** After $T$ steps the distance to the minimum is
// $\|w_T-w^*\| = \big(\sum_i (1-\eta\lambda_i)^{2T} r_i(0)^2\big)^{1/2}$. At $\eta = 0.98\,\eta_c$ every factor
// is below 1 in absolute value; at $1.02\,\eta_c$ the top mode grows by $|1-2.04| = 1.04$ per step, i.e. by
// $1.04^{500}\approx 3\times10^{8}$ over 500 steps.
//
// **Measure** the ratio $\|w_T-w^*\|/\|w_0-w^*\|$ for both rates. The theory is exact, so we hold both ratios to
// the theory to a relative $10^{-4}$ (rounding only), and check the two qualitative statements of the
// curriculum: stable means the ratio stays ≤ 1, divergent means it grows at least 10×.

// %% id=stability
const distance0 = Math.hypot(...r0);
const ratio = (factor: number) => {
  const w = gradientDescent(problem, { eta: factor * etaC, steps: stabilitySteps, w0 }).w;
  return Math.hypot(...project(w)) / distance0;
};
const predictedRatio = (factor: number) =>
  distanceToMinimum(lambda, r0, { eta: factor * etaC, t: stabilitySteps }) / distance0;
const sweep = [0.5, 0.7, 0.9, 0.95, 0.98, 1.0, 1.02, 1.05, 1.1].map((f) => ({
  "η / η_c": f,
  "measured ratio": ratio(f),
  "predicted ratio": predictedRatio(f),
}));
await showTable(sweep, { title: `‖w_T − w*‖ / ‖w_0 − w*‖ after ${stabilitySteps} steps` });
const curve = [];
for (let f = 0.5; f <= 1.1001; f += 0.01) curve.push({ "η / η_c": f, ratio: predictedRatio(f) });
await showChart(theoryVsMeasurement(sweep.map((s) => ({ "η / η_c": s["η / η_c"], ratio: s["measured ratio"] })), {
  theory: curve,
  x: "η / η_c",
  y: "ratio",
  yScale: "log",
  title: "A sharp threshold at η = 2/λ_max",
}));

// %% id=stability-claims
const stable = ratio(0.98), unstable = ratio(1.02);
await claims([
  {
    name: "distance ratio at 0.98 η_c matches theory",
    measured: stable,
    predicted: predictedRatio(0.98),
    tolerance: { rel: 1e-4 },
    citation: "w_T − w* = (I − ηH)^T (w_0 − w*)",
  },
  {
    name: "stable at 0.98 η_c (ratio ≤ 1)",
    measured: stable,
    predicted: 1,
    tolerance: { atMost: true },
    citation: "η < 2/λ_max ⇒ every |1 − ηλᵢ| < 1; Cohen et al. 2021, arXiv:2103.00065 §2",
  },
  {
    name: "distance ratio at 1.02 η_c matches theory",
    measured: unstable,
    predicted: predictedRatio(1.02),
    tolerance: { rel: 1e-4 },
    citation: "w_T − w* = (I − ηH)^T (w_0 − w*)",
  },
  {
    name: `divergent at 1.02 η_c (≥ 10× growth in ${stabilitySteps} steps)`,
    measured: unstable,
    predicted: 10,
    tolerance: { atLeast: true },
    citation: "η > 2/λ_max ⇒ |1 − ηλ₁| > 1; Cohen et al. 2021, arXiv:2103.00065 §2",
  },
]);

// %% [markdown] id=minnorm-md
// ## 5 · Implicit bias: from zero, GD finds the minimum-norm solution
// Now keep only $n = 32$ images, fewer than the $d = 64$ weights. Infinitely many $w$ fit the data exactly
// (add any vector of the null space of $X$). Which one does GD pick?
//
// **Derivation.** Every gradient $\nabla L(w) = \frac1n X^\top(Xw-y)$ is a combination of the rows of $X$, so GD
// started at $w_0$ stays in $w_0 + \mathrm{rowspace}(X)$. The null-space part of $w_0$ never changes
// (those are exactly the $\lambda_i = 0$ modes of section 1). Within the row space the problem has a unique
// minimizer, and the limit is
// $$w_\infty = X^+y + (I - X^+X)\,w_0 .$$
// From $w_0 = 0$ this is the **minimum-norm interpolant** $X^+y$: GD, without being asked, prefers small
// weights. From a random $w_0$, the limit is off by exactly the null-space projection of $w_0$.
//
// **Predict** the number of steps needed from the spectrum: each non-null mode shrinks by
// $|1-\eta\lambda_i|$ per step, so $T = \lceil\ln(10^{-6})/\ln\max_i|1-\eta\lambda_i|\rceil$ steps shrink them all
// a millionfold. **Tolerance**: after those steps, the theory leaves a relative error of at most $10^{-6}$; we
// require the curriculum's $10^{-3}$.

// %% id=minnorm
const pick = rng(seed + 1000).choice(digits.n, nSmall);
const Xs = pick.map((i) => X[i]);
const ys = pick.map((i) => y[i]);
const small = leastSquaresQuadratic(Xs, ys);
const smallLambda = eigh(hessianRows(small)).values;
const etaSmall = 1 / smallLambda[0];
const T = stepsToShrink(smallLambda, { eta: etaSmall, factor: 1e-6, nullTolerance: 1e-9 * smallLambda[0] });
const minNorm = lstsq(Xs, ys).solution;
const fromZero = gradientDescent(small, { eta: etaSmall, steps: T }).w;
const wRand = rng(seed + 2000).normals(digits.d);
const fromRandom = gradientDescent(small, { eta: etaSmall, steps: T, w0: wRand }).w;
const dist = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.hypot(...Array.from(a, (v, i) => v - b[i]));
// Null-space part of w0: (I − X⁺X) w0 = w0 − X⁺(X w0).
const nullPart = Float64Array.from(wRand, (v, i) => v - lstsq(Xs, matvec(Xs, wRand)).solution[i]);
await showTable([
  { quantity: "steps T from the spectrum", value: T },
  { quantity: "‖X⁺y‖", value: Math.hypot(...minNorm) },
  { quantity: "‖w_GD(0) − X⁺y‖", value: dist(fromZero, minNorm) },
  { quantity: "‖w_GD(w0) − X⁺y‖", value: dist(fromRandom, minNorm) },
  { quantity: "‖(I − X⁺X) w0‖", value: Math.hypot(...nullPart) },
], { title: `n = ${nSmall} samples, d = ${digits.d} weights` });

// %% id=minnorm-claims
await claims([
  {
    name: "GD from zero converges to the minimum-norm solution X⁺y",
    measured: dist(fromZero, minNorm) / Math.hypot(...minNorm),
    predicted: 0,
    tolerance: { abs: 1e-3 },
    unit: "relative distance",
    citation: "GD stays in the row space of X; Gunasekar et al. 2018, arXiv:1802.08246 §2",
  },
  {
    name: "from w0, GD is off X⁺y by exactly the null-space part of w0",
    measured: dist(fromRandom, minNorm),
    predicted: Math.hypot(...nullPart),
    tolerance: { rel: 1e-3 },
    citation: "w_∞ = X⁺y + (I − X⁺X) w0",
  },
]);

// %% [markdown] id=loss-md
// For a feel of the dynamics, here is the loss (above its minimum) for the full problem at three learning rates.
// The flat tail at $0.5\,\eta_c$ comes from the smallest non-null eigenvalues: spectral bias in one picture.

// %% id=loss
const lossRows = [];
const lStar = gradientDescent(problem, { eta: 0, steps: 0, w0: wStar }).objective[0];
for (const factor of [0.1, 0.5, 0.98]) {
  const obj = gradientDescent(problem, { eta: factor * etaC, steps: stabilitySteps, w0 }).objective;
  for (let t = 0; t <= stabilitySteps; t += 5) lossRows.push({ step: t, "L − L*": obj[t] - lStar, "η / η_c": String(factor) });
}
await showChart(lineChart(lossRows, { x: "step", y: "L − L*", color: "η / η_c", yScale: "log", title: "Loss above its minimum" }));

// %% [markdown] id=close
// ## What to remember
// * On a quadratic, GD is a set of independent geometric sequences, one per Hessian eigenmode:
//   $r_i(t) = (1-\eta\lambda_i)^t r_i(0)$. Large-eigenvalue directions are learned first.
// * The largest stable learning rate is $2/\lambda_{\max}$, and the transition is sharp: 2% either side of it
//   separates convergence from a $10^8$-fold blow-up.
// * From zero, GD on an underdetermined least-squares problem converges to the minimum-norm solution. The choice
//   of algorithm and initialization is itself a prior.
//
// ## Where the idealization breaks
// * A neural network's loss is not quadratic: its Hessian changes during training. Notebook 07 shows that GD then
//   *drives* $\lambda_{\max}$ up to $2/\eta$ and hovers there (the edge of stability) instead of diverging.
// * With minibatches, the modes receive noise; notebook 08 computes the resulting stationary error.
// * Near zero init, deep linear networks (notebook 02) learn modes in order too, but with sigmoidal, not
//   exponential, curves.
//
// **Exercise** (`solutions/01_gradient_descent_quadratic.ipynb`): write `maxStableLearningRate(X)` yourself.

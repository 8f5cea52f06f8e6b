/**
 * Nelder–Mead minimization, for the few-parameter searches of `lib/theory/` (Nelder & Mead 1965, *The
 * Computer Journal* 7(4); standard coefficients: reflection 1, expansion 2, contraction and shrink 1/2).
 *
 * @module
 */

/** Nelder–Mead minimization of f from x0 (standard coefficients 1, 2, 1/2, 1/2). */
export function nelderMead(
  f: (x: number[]) => number,
  x0: number[],
  options: { step: number; tolerance: number; maxIterations: number },
): number[] {
  const d = x0.length;
  let simplex = [x0, ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + options.step : v)))].map((x) => ({
    x,
    y: f(x),
  }));
  const comb = (a: number[], b: number[], t: number) => a.map((v, i) => v + t * (b[i] - v));
  for (let it = 0; it < options.maxIterations; it++) {
    simplex.sort((a, b) => a.y - b.y);
    const size = Math.max(
      ...simplex.slice(1).map((s) => Math.max(...s.x.map((v, i) => Math.abs(v - simplex[0].x[i])))),
    );
    if (size < options.tolerance) break;
    const worst = simplex[d];
    const centroid = x0.map((_, i) => simplex.slice(0, d).reduce((a, s) => a + s.x[i], 0) / d);
    const xr = comb(centroid, worst.x, -1), yr = f(xr);
    if (yr < simplex[0].y) {
      const xe = comb(centroid, worst.x, -2), ye = f(xe);
      simplex[d] = ye < yr ? { x: xe, y: ye } : { x: xr, y: yr };
    } else if (yr < simplex[d - 1].y) {
      simplex[d] = { x: xr, y: yr };
    } else {
      const xc = comb(centroid, worst.x, 0.5), yc = f(xc);
      if (yc < worst.y) simplex[d] = { x: xc, y: yc };
      else {
        simplex = simplex.map((
          s,
          k,
        ) => (k === 0 ? s : { x: comb(simplex[0].x, s.x, 0.5), y: f(comb(simplex[0].x, s.x, 0.5)) }));
      }
    }
  }
  simplex.sort((a, b) => a.y - b.y);
  return simplex[0].x;
}

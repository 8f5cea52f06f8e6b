import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { loadOpenBlas, openBlas, openBlasStatus } from "./openblas.ts";

const blas = openBlas();

Deno.test("OpenBLAS loads where CI installed it (LM_REQUIRE_BLAS=1), and says why when it does not", () => {
  const { reason } = openBlasStatus();
  if (Deno.env.get("LM_REQUIRE_BLAS") === "1") assert(blas !== null, `OpenBLAS did not load: ${reason}`);
  assert(reason.length > 0);
  if (blas) {
    assert(blas.config.startsWith("OpenBLAS"), blas.config);
    assertEquals(blas.threads, 1); // the default
  }
});

Deno.test("LM_BLAS=off, a path that does not load, and bad LM_BLAS_THREADS each give a clear outcome", () => {
  assertEquals(loadOpenBlas("off"), { blas: null, reason: "LM_BLAS=off" });
  const missing = loadOpenBlas("/nonexistent/libopenblas.so");
  assertEquals(missing.blas, null);
  assert(
    missing.reason.startsWith("LM_BLAS=/nonexistent/libopenblas.so could not be loaded: "),
    missing.reason,
  );
  assertThrows(() => loadOpenBlas(undefined, "0"), RangeError, "LM_BLAS_THREADS must be a whole number");
  assertThrows(() => loadOpenBlas(undefined, "two"), RangeError, 'got "two"');
});

Deno.test("without --allow-ffi the library says so instead of failing", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const script = `${dir}/probe.ts`;
    const module = new URL("./openblas.ts", import.meta.url).href;
    await Deno.writeTextFile(
      script,
      `import { openBlasStatus } from "${module}";\nconsole.log(openBlasStatus().reason);\n`,
    );
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--allow-env", "--allow-read", "--no-lock", script],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder().decode(out.stdout).trim();
    assert(out.success, new TextDecoder().decode(out.stderr));
    assertEquals(text, "no --allow-ffi permission");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** `op(A)·op(B)` for row-major `A` `[m, k]` (stored `[k, m]` when transposed) and `B` `[k, n]`, in float64. */
function naive(
  tA: boolean,
  tB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) {
        s += (tA ? a[l * m + i] : a[i * k + l]) * (tB ? b[j * k + l] : b[l * n + j]);
      }
      c[i * n + j] = s;
    }
  }
  return c;
}

Deno.test({
  name: "sgemm equals the textbook product for every transpose, on subarray views, and k = 0 gives zeros",
  ignore: !blas,
  fn: () => {
    const [m, n, k] = [7, 5, 9];
    const r = rng(3);
    for (const tA of [false, true]) {
      for (const tB of [false, true]) {
        // Operands at an offset inside larger arrays, as the wasm kernels pass them.
        const a = Float32Array.from(r.normals(3 + m * k)).subarray(3);
        const b = Float32Array.from(r.normals(1 + k * n)).subarray(1);
        const c = new Float32Array(2 + m * n).fill(NaN);
        blas!.sgemm(tA, tB, m, n, k, a, b, c.subarray(2));
        const expected = naive(tA, tB, m, n, k, a, b);
        assert(Number.isNaN(c[0]) && Number.isNaN(c[1]), "wrote before its view");
        for (let i = 0; i < m * n; i++) {
          assert(
            Math.abs(c[2 + i] - expected[i]) < 1e-5 * Math.max(1, Math.abs(expected[i])),
            `${tA} ${tB} ${i}`,
          );
        }
      }
    }
    const c = new Float32Array(6).fill(NaN);
    blas!.sgemm(false, false, 2, 3, 0, new Float32Array(0), new Float32Array(0), c);
    assertEquals([...c], [0, 0, 0, 0, 0, 0]);
  },
});

Deno.test({
  name: "dsyevd returns ascending eigenvalues and unit eigenvectors as rows",
  ignore: !blas,
  fn: () => {
    // [[2, 1], [1, 2]]: λ = 1 with (1, −1)/√2, λ = 3 with (1, 1)/√2.
    const a = Float64Array.of(2, 1, 1, 2);
    const w = new Float64Array(2);
    blas!.dsyevd(2, a, w);
    assert(Math.abs(w[0] - 1) < 1e-14 && Math.abs(w[1] - 3) < 1e-14, `${w}`);
    assert(Math.abs(Math.abs(a[0]) - Math.SQRT1_2) < 1e-14 && Math.abs(a[0] + a[1]) < 1e-14, `row 0 ${a}`);
    assert(Math.abs(a[2] - a[3]) < 1e-14 && Math.abs(Math.abs(a[2]) - Math.SQRT1_2) < 1e-14, `row 1 ${a}`);
  },
});

"""Side-by-side reference for `deno task bench`: the same workloads in PyTorch (one thread) and NumPy.

Reads {"ids": [...], "repeats": {"min", "max", "budgetMs"}} on stdin and prints one JSON object:
{"python", "torch", "numpy", "threads", "results": {id: {"torch": ms, "numpy": ms}}, "errors": {...}}.
Times are medians per repetition in ms, after one warm-up, with the policy of tools/bench/workload.ts.
Optional: the course never needs Python; the bench skips this when PyTorch is not importable.
"""
import json
import os
import platform
import re
import statistics
import sys
import time

# One thread everywhere, as the wasm backend has (set before NumPy loads its BLAS).
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[var] = "1"

try:
    import numpy as np
except ImportError:
    np = None
try:
    import torch

    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
except ImportError:
    torch = None

MLP_WIDTHS, MLP_BATCH, MLP_LR = (64, 512, 512, 1), 256, 1e-3


def matmul(n, transpose_b):
    def make_torch():
        g = torch.Generator().manual_seed(n)
        a, b = torch.randn(n, n, generator=g), torch.randn(n, n, generator=g)
        return (lambda: a @ b.T) if transpose_b else (lambda: a @ b)

    def make_numpy():
        r = np.random.default_rng(n)
        a, b = r.standard_normal((n, n), np.float32), r.standard_normal((n, n), np.float32)
        return (lambda: a @ b.T) if transpose_b else (lambda: a @ b)

    return {"torch": make_torch, "numpy": make_numpy}


def torch_mlp():
    """The benchmark MLP in PyTorch, with a batch of inputs and targets."""
    torch.manual_seed(0)
    layers = []
    for i, (fan_in, out) in enumerate(zip(MLP_WIDTHS, MLP_WIDTHS[1:])):
        layers.append(torch.nn.Linear(fan_in, out))
        if i + 2 < len(MLP_WIDTHS):
            layers.append(torch.nn.ReLU())
    net = torch.nn.Sequential(*layers)
    return net, torch.randn(MLP_BATCH, MLP_WIDTHS[0]), torch.randn(MLP_BATCH, MLP_WIDTHS[-1])


def mlp_step():
    def make_torch():
        net, x, y = torch_mlp()

        def step():
            loss = torch.mean((net(x) - y) ** 2)
            net.zero_grad(set_to_none=True)
            loss.backward()
            with torch.no_grad():
                for p in net.parameters():
                    p -= MLP_LR * p.grad
            return loss.item()

        return step

    def make_numpy():
        r = np.random.default_rng(0)
        ws = [(r.standard_normal((i, o), np.float32) * np.float32(np.sqrt(2 / i)), np.zeros(o, np.float32))
              for i, o in zip(MLP_WIDTHS, MLP_WIDTHS[1:])]
        x = r.standard_normal((MLP_BATCH, MLP_WIDTHS[0]), np.float32)
        y = r.standard_normal((MLP_BATCH, MLP_WIDTHS[-1]), np.float32)

        def step():
            hs = [x]
            for i, (w, b) in enumerate(ws):
                z = hs[-1] @ w + b
                hs.append(np.maximum(z, 0) if i + 1 < len(ws) else z)
            d = (hs[-1] - y) * np.float32(2 / y.size)
            loss = float(np.mean((hs[-1] - y) ** 2))
            for i in reversed(range(len(ws))):
                w, b = ws[i]
                dw, db = hs[i].T @ d, d.sum(0)
                if i > 0:
                    d = (d @ w.T) * (hs[i] > 0)
                w -= np.float32(MLP_LR) * dw
                b -= np.float32(MLP_LR) * db
            return loss

        return step

    return {"torch": make_torch, "numpy": make_numpy}


def mlp_hvp():
    def make_torch():
        net, x, y = torch_mlp()
        params = list(net.parameters())
        v = [torch.randn_like(p) for p in params]

        def hvp():
            loss = torch.mean((net(x) - y) ** 2)
            grads = torch.autograd.grad(loss, params, create_graph=True)
            dot = sum((g * vi).sum() for g, vi in zip(grads, v))
            hv = torch.autograd.grad(dot, params)
            return hv[0][0, 0].item()

        return hvp

    return {"torch": make_torch}


def eigh(n):
    def make_numpy():
        r = np.random.default_rng(n)
        q, _ = np.linalg.qr(r.standard_normal((n, n)))
        a = (q * (1.0 / np.arange(1, n + 1))) @ q.T
        return lambda: np.linalg.eigh(a)

    def make_torch():
        r = np.random.default_rng(n)
        q, _ = np.linalg.qr(r.standard_normal((n, n)))
        a = torch.from_numpy((q * (1.0 / np.arange(1, n + 1))) @ q.T)
        return lambda: torch.linalg.eigh(a)

    return {"torch": make_torch, "numpy": make_numpy}


def reference(workload_id):
    """Factories (library → setup returning a zero-argument run) for a workload id, or None."""
    m = re.fullmatch(r"matmul\.(\d+)(\.tB)?", workload_id)
    if m:
        return matmul(int(m.group(1)), bool(m.group(2)))
    m = re.fullmatch(r"eigh\.(\d+)", workload_id)
    if m:
        return eigh(int(m.group(1)))
    return {"mlp.step": mlp_step, "mlp.hvp": mlp_hvp}.get(workload_id, lambda: None)()


def time_run(run, min_reps, max_reps, budget_ms):
    run()  # warm-up
    samples, start = [], time.perf_counter()
    while len(samples) < max_reps and (len(samples) < min_reps or (time.perf_counter() - start) * 1e3 < budget_ms):
        t0 = time.perf_counter()
        run()
        samples.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(samples)


def blas_libraries():
    """BLAS shared objects loaded (Debian's default reference BLAS is ≈ 40× slower than OpenBLAS)."""
    try:
        with open("/proc/self/maps") as maps:
            return sorted({line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line})
    except OSError:
        return []


def main():
    request = json.load(sys.stdin)
    rep = {"min": 5, "max": 30, "budgetMs": 1500, **request.get("repeats", {})}
    libs = {"torch": torch, "numpy": np}
    results, errors = {}, {}
    for workload_id in request["ids"]:
        factories = reference(workload_id) or {}
        for lib, make in factories.items():
            if libs[lib] is None:
                continue
            try:
                ms = time_run(make(), rep["min"], rep["max"], rep["budgetMs"])
                results.setdefault(workload_id, {})[lib] = ms
            except Exception as e:  # report, keep going
                errors[f"{workload_id}/{lib}"] = repr(e)
    print(json.dumps({
        "python": platform.python_version(),
        "blas": blas_libraries(),
        "torch": torch.__version__ if torch else None,
        "numpy": np.__version__ if np else None,
        "threads": 1,
        "results": results,
        "errors": errors,
    }))


if __name__ == "__main__":
    main()

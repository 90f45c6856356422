#!/usr/bin/env python3
"""Loom's reference torch step beside ours, measured in one run (issue 14, item 6).

Times the reference implementation's ``LoomComputer.step`` (PyTorch, its ``loom_v1.py``) on the
programs ``tc bench`` measures, at the configuration ``tc bench`` measures them, then runs
``tc bench --json`` on the same programs in the same run, and prints one table: engine, time per
step, steps/s and how many times the reference's time per step each engine takes.

What it does, in order:

1. compiles each bench program (``src/main/resources/tc/bench/NAME.c``) with ``tc compile
   --format loom-state`` into a scratch folder: Loom's ``NAME_state.json`` (the d x n matrix) and
   ``NAME_info.json`` (its configuration);
2. checks the state file is what the reference's own ``init_state`` builds for the program it
   holds (memory and instructions decoded from the file), entry for entry;
3. loads it in the reference's ``LoomComputer`` and steps it: ``--ref-warmup`` untimed steps, then
   ``--ref-repeat`` timed runs of ``--ref-steps`` steps each, continuing along the same run; the
   time per step is the median over the timed runs;
4. decodes the reference's state after those K steps (PC, memory cell 7 where the compiler puts
   main's return value, and main's variables, arrays included) and compares it with ``tc run`` of
   the same state file for K steps on our interpreter and on our sparse engine with the loom-v1
   weights (the reference's, rebuilt bit for bit), and says whether they agree;
5. runs ``tc bench --json`` on the same programs (engines: ``--engines``, default tc bench's own)
   and prints the table.

Getting the reference (it is not part of this repository and must not be copied into it):
clone the public repository mkturkcan/Loom with git into a scratch folder, e.g.
``git clone <its URL> /tmp/loomref``. Only ``loom_v1.py`` and ``subleq.py`` are imported.
Torch: Debian's ``python3-torch`` (``apt-get install python3-torch``), which installs for
Debian's ``/usr/bin/python3``; run the script with that interpreter. Debian's torch does its matrix
products through whichever ``libblas.so.3`` the alternatives system selects: the unoptimised
reference BLAS unless an optimised one is installed (``apt-get install libopenblas0-pthread``), and
that choice alone makes the reference's step 2-4 times slower or faster here, so the table
names the BLAS it ran on. To time it on the reference BLAS with OpenBLAS installed, put its folder
first: ``LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas:/usr/lib/x86_64-linux-gnu/lapack``.

    /usr/bin/python3 bench/reference_torch_step.py /tmp/loomref
    /usr/bin/python3 bench/reference_torch_step.py /tmp/loomref --programs loop --ref-steps 3
    LOOM_REFERENCE=/tmp/loomref /usr/bin/python3 bench/reference_torch_step.py --engines interp,sparse

Exit status: 0 when every comparison agreed; 1 when one did not, or torch, the reference or a
``tc`` command failed; 2 on a usage error.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TC = os.path.join(REPO, "tc")
BENCH_SOURCES = os.path.join(REPO, "src", "main", "resources", "tc", "bench")
DEFAULT_PROGRAMS = ["loop", "recursion", "sort"]
REFERENCE_FILES = ("loom_v1.py", "subleq.py")


class Failure(Exception):
    """A problem that ends the run with exit status 1 and a one-line message."""


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Time the reference's torch LoomComputer.step beside `tc bench` on the same programs and "
                    "configuration, in one run, and print one table.",
        epilog="The reference is a checkout of the public repository mkturkcan/Loom (git clone it into a scratch "
               "folder); torch is Debian's python3-torch, for /usr/bin/python3.")
    p.add_argument("reference", nargs="?", default=os.environ.get("LOOM_REFERENCE"),
                   help="folder holding the reference's checkout (loom_v1.py, subleq.py); default: $LOOM_REFERENCE")
    p.add_argument("--config", default="155x1024",
                   help="machine shape to compile the bench programs for (default: 155x1024, the one tc bench measures)")
    p.add_argument("--programs", default=",".join(DEFAULT_PROGRAMS),
                   help="bench programs, comma-separated (default: %(default)s)")
    p.add_argument("--engines", default=None,
                   help="our engines for tc bench, comma-separated (default: tc bench's own default list)")
    p.add_argument("--profiles", default=None,
                   help="our weight profiles, comma-separated (default: loom-v1, and exact too when tc bench has a "
                        "profile option)")
    p.add_argument("--ref-warmup", type=int, default=2, help="untimed reference steps first (default: %(default)s)")
    p.add_argument("--ref-steps", type=int, default=3, help="reference steps per timed run (default: %(default)s)")
    p.add_argument("--ref-repeat", type=int, default=5,
                   help="timed reference runs; the median time per step is reported (default: %(default)s)")
    p.add_argument("--ste", action="store_true",
                   help="also time the reference's step(X, use_softmax=True) (its straight-through mode) and check "
                        "it leaves the same state as its argmax step")
    p.add_argument("--torch-threads", type=int, default=None,
                   help="torch.set_num_threads before timing (default: leave torch's own setting)")
    p.add_argument("--bench-args", default="",
                   help="more arguments for tc bench, one shell-quoted string (e.g. \"--steps 500 --repeat 5\")")
    p.add_argument("--save", metavar="FILE", default=None,
                   help="also write every figure (reference times per run, tc bench's JSON) to FILE as JSON")
    a = p.parse_args(argv)

    if not a.reference:
        p.error("name the reference's checkout folder (argument or $LOOM_REFERENCE); get one with git clone of the "
                "public repository mkturkcan/Loom into a scratch folder")
    missing = [f for f in REFERENCE_FILES if not os.path.isfile(os.path.join(a.reference, f))]
    if missing:
        p.error("%s is not a checkout of the reference: %s missing" % (a.reference, ", ".join(missing)))
    a.programs = split_list(p, "--programs", a.programs)
    for name in a.programs:
        if not os.path.isfile(os.path.join(BENCH_SOURCES, name + ".c")):
            known = sorted(f[:-2] for f in os.listdir(BENCH_SOURCES) if f.endswith(".c")) if os.path.isdir(BENCH_SOURCES) else []
            p.error("unknown bench program '%s': choose from %s" % (name, ", ".join(known) or "(none found)"))
    a.engines = split_list(p, "--engines", a.engines) if a.engines is not None else None
    a.profiles = split_list(p, "--profiles", a.profiles) if a.profiles is not None else None
    for v in a.profiles or []:
        if v not in ("loom-v1", "exact"):
            p.error("unknown profile '%s': choose loom-v1 or exact" % v)
    if not re.fullmatch(r"\d+x\d+|\d+,\d+,\d+,\d+", a.config):
        p.error("--config takes a named shape such as 155x1024 or s,m,n,N, got '%s'" % a.config)
    if a.ref_warmup < 0:
        p.error("--ref-warmup must not be negative, got %d" % a.ref_warmup)
    for flag, v in (("--ref-steps", a.ref_steps), ("--ref-repeat", a.ref_repeat)):
        if v < 1:
            p.error("%s must be at least 1, got %d" % (flag, v))
    if a.torch_threads is not None and a.torch_threads < 1:
        p.error("--torch-threads must be at least 1, got %d" % a.torch_threads)
    try:
        a.bench_args = shlex.split(a.bench_args)
    except ValueError as e:
        p.error("--bench-args: %s" % e)
    for reserved in ("--json", "--engines", "--programs", "--target", "--config", "--profile", "--profiles"):
        if any(x == reserved or x.startswith(reserved + "=") for x in a.bench_args):
            p.error("--bench-args must not set %s: this script sets it" % reserved)
    return a


def split_list(p, flag, text):
    items = [x.strip() for x in text.split(",") if x.strip()]
    if not items:
        p.error("%s needs at least one name" % flag)
    if len(set(items)) != len(items):
        p.error("%s lists a name twice: %s" % (flag, text))
    return items


def import_torch():
    try:
        import torch
    except ImportError:
        raise Failure("PyTorch is not installed for %s: install Debian's package with `apt-get install python3-torch` "
                      "and run this script with /usr/bin/python3" % sys.executable)
    return torch


def blas_library(torch):
    """The BLAS shared library torch's matrix products run on, from this process's memory map (Linux); Debian's
    torch takes whichever libblas.so.3 its alternatives system selects, and that decides most of its speed here."""
    a = torch.ones(64, 64)
    a @ a
    try:
        with open("/proc/self/maps") as f:
            paths = {line.split()[-1] for line in f if "blas" in line.lower()}
    except OSError:
        return "unknown"
    names = sorted(p for p in paths if os.path.basename(p).startswith(("libopenblas", "libblas", "libmkl")))
    best = [p for p in names if "libblas" not in os.path.basename(p)] or names
    return ", ".join(os.path.join(*p.split(os.sep)[-2:]) for p in best) or "unknown"


def tc(*args):
    """Runs ./tc; its stdout, or Failure with its stderr's first line (tc's one-line error)."""
    r = subprocess.run([TC, *args], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0 and not (args and args[0] == "run" and r.returncode == 1 and r.stdout.strip()):
        lines = r.stderr.strip().splitlines() or ["(no message)"]
        first = next((x for x in lines if "error" in x), lines[0])
        raise Failure("tc %s failed (exit %d): %s" % (" ".join(args), r.returncode, first))
    return r.stdout


def bench_capabilities():
    """What this checkout's tc bench can be told: its option for a config and for a profile (or None), and the config it measures without one."""
    text = tc("bench", "--help")
    config_opt = re.search(r"(--configs?)[=\s]", text)
    profile_opt = re.search(r"(--profiles?)[=\s]", text)
    fixed = re.search(r"\((\d+x\d+)\)", text)
    return (config_opt.group(1) if config_opt else None, profile_opt.group(1) if profile_opt else None,
            fixed.group(1) if fixed else None)


def run_json(state, engine, profile, steps):
    args = ["run", state, "--engine", engine, "--json"]
    if profile:
        args += ["--profile", profile]
    if steps is not None:
        args += ["--max-steps", str(steps)]
    return json.loads(tc(*args))


def load_reference(path):
    sys.path.insert(0, os.path.abspath(path))
    try:
        import loom_v1
    except Exception as e:  # the reference's own import failing is the user's checkout problem, said in one line
        raise Failure("cannot import the reference's loom_v1.py from %s: %s: %s" % (path, type(e).__name__, e))
    return loom_v1


def reference_run(torch, ref, state_file, info, args):
    """Loads our state in the reference's LoomComputer and times its step; returns figures and the final state decoded."""
    c = info["config"]
    cfg = ref.LoomConfig(s=c["s"], m=c["m"], n=c["n"], N=c["N"])
    with open(state_file) as f:
        x0 = torch.tensor(json.load(f)["state"], dtype=torch.float32)
    if tuple(x0.shape) != (cfg.d_model, cfg.n):
        raise Failure("%s is %dx%d, the reference's layout for this config is %dx%d"
                      % (state_file, x0.shape[0], x0.shape[1], cfg.d_model, cfg.n))
    same_layout = same_as_reference_init(torch, ref, cfg, x0, info["num_instructions"])

    t = time.perf_counter()
    machine = ref.LoomComputer(cfg)
    build_s = time.perf_counter() - t

    def steps(x, k, softmax):
        for _ in range(k):
            x = machine.step(x, use_softmax=softmax) if softmax else machine.step(x)
        return x

    def timed(softmax):
        x = steps(x0.clone(), args.ref_warmup, softmax)
        per_step = []
        for _ in range(args.ref_repeat):
            t = time.perf_counter()
            x = steps(x, args.ref_steps, softmax)
            per_step.append((time.perf_counter() - t) / args.ref_steps)
        return x, per_step

    x, per_step = timed(False)
    out = {"build_s": build_s, "per_step_s": per_step, "state": x, "cfg": cfg, "same_layout": same_layout,
           "initial_memory": ref.read_memory(x0, cfg)}
    if args.ste:
        xs, per_step_ste = timed(True)
        out["ste_per_step_s"] = per_step_ste
        out["ste_equal"] = bool(torch.equal(xs, x))
    return out


def same_as_reference_init(torch, ref, cfg, x, count):
    """Whether x equals the reference's init_state for the memory and instructions x holds; else which rows differ."""
    memory = ref.read_memory(x, cfg)
    start, logn = cfg.s + cfg.m, cfg.logn
    commands = []
    for i in range(count):
        col = x[:, start + i]
        commands.append(tuple(ref.from_bipolar(col[k * logn:(k + 1) * logn]) for k in range(3)))
    built = ref.init_state(cfg, memory, commands)
    if torch.equal(built, x):
        return "equal"
    rows = sorted(set(torch.nonzero(built != x)[:, 0].tolist()))
    return "differs in rows %s" % rows[:12]


def decode(ref, result):
    x, cfg = result["state"], result["cfg"]
    return {"pc": ref.get_pc(x, cfg), "memory": ref.read_memory(x, cfg),
            "off_integer": float((x - x.round()).abs().max())}


TRACE_LINE = re.compile(r"^\s*\d+\s+\d+\s")
WRITE = re.compile(r"(\S+?)=(-?\d+)")


def our_run(state, engine, profile, steps, initial_memory, info):
    """Our engine's PC and every memory cell after `steps` steps of the state file: the PC from
    `tc run --json`, the memory by applying the writes `tc run --trace` lists to the initial memory."""
    summary = run_json(state, engine, profile, steps)
    args = ["run", state, "--engine", engine, "--trace", "--max-steps", str(steps)]
    if profile:
        args += ["--profile", profile]
    memory = list(initial_memory)
    addresses = info.get("variables", {})
    lines = 0
    for line in tc(*args).splitlines():
        if not TRACE_LINE.match(line):
            continue
        lines += 1
        # writes come after the instruction and its source line number; the quoted C after "//" may hold "=" too
        for name, value in WRITE.findall(line.split("//")[0]):
            m = re.fullmatch(r"(\w+)(?:\[(\d+)\])?", name)
            base = m and (0 if m.group(1) == "mem" else addresses.get(m.group(1)))
            if base is None:
                raise Failure("cannot place the write '%s=%s' of tc run --trace in memory: '%s' is not in the info file"
                              % (name, value, name))
            memory[base + int(m.group(2) or 0)] = int(value)
    if lines != summary["steps"]:
        raise Failure("tc run --trace listed %d steps, tc run --json ran %d" % (lines, summary["steps"]))
    return summary, memory


def compare(decoded, pc, memory):
    """Where the reference's decoded state differs from our PC and memory."""
    diffs = [] if decoded["pc"] == pc else ["pc %d vs %d" % (decoded["pc"], pc)]
    for cell, (a, b) in enumerate(zip(decoded["memory"], memory)):
        if a != b:
            diffs.append("cell %d: %d vs %d" % (cell, a, b))
    return diffs


def run_bench(programs, engines, profile_opt, profile, config_opt, config, extra):
    args = ["bench", "--json", "--programs", ",".join(programs)] + extra
    if engines:
        args += ["--engines", ",".join(engines)]
    if config_opt:
        args += [config_opt, config]
    if profile_opt and profile:
        args += [profile_opt, profile]
    report = json.loads(tc(*args))
    for row in report["results"]:
        got = row.get("config", report.get("config"))
        got = got.get("name") if isinstance(got, dict) else got
        if got != config:
            raise Failure("tc bench measured %s at %s, not %s" % (row["program"], got, config))
    return report, args


def per_step_text(seconds):
    if seconds < 1e-6:
        return "%.1f ns" % (seconds * 1e9)
    if seconds < 1e-3:
        return "%.2f us" % (seconds * 1e6)
    return "%.2f ms" % (seconds * 1e3)


def rate_text(per_second):
    return "%.2f" % per_second if per_second < 100 else "{:,.0f}".format(per_second)


def ratio_text(r):
    return "{:,.0f}x".format(r) if r >= 100 else "%.1fx" % r


def main(argv):
    args = parse_args(argv)
    try:
        return measure(args)
    except Failure as e:
        print("error: %s" % e, file=sys.stderr)
        return 1


def measure(args):
    torch = import_torch()
    ref = load_reference(args.reference)
    if args.torch_threads:
        torch.set_num_threads(args.torch_threads)
    blas = blas_library(torch)
    config_opt, profile_opt, fixed_config = bench_capabilities()
    if not config_opt and fixed_config and args.config != fixed_config:
        raise Failure("this tc bench measures %s only (its --help lists no --config option); use --config %s"
                      % (fixed_config, fixed_config))
    profiles = args.profiles or (["loom-v1", "exact"] if profile_opt else ["loom-v1"])
    if not profile_opt and profiles != ["loom-v1"]:
        raise Failure("this tc bench runs the loom-v1 weights only (its --help lists no --profile option); "
                      "use --profiles loom-v1")
    started = datetime.datetime.now(datetime.timezone.utc)
    k = args.ref_warmup + args.ref_steps * args.ref_repeat
    print("reference torch vs ours on %s, %s; %d reference steps per program (%d untimed, then median of %d runs x %d)"
          % (args.config, started.strftime("%Y-%m-%d %H:%M UTC"), k, args.ref_warmup, args.ref_repeat, args.ref_steps),
          file=sys.stderr)

    with tempfile.TemporaryDirectory(prefix="tc-reference-bench-") as work:
        prepared = {}
        for name in args.programs:
            tc("compile", os.path.join(BENCH_SOURCES, name + ".c"), "--config", args.config, "--format", "loom-state",
               "-o", work + os.sep)
            state = os.path.join(work, name + "_state.json")
            with open(os.path.join(work, name + "_info.json")) as f:
                info = json.load(f)
            whole = run_json(state, "interp", None, None)
            if not whole["halted"] or whole["steps"] <= k:
                raise Failure("%s halts after %d steps; the reference would run past it: lower --ref-steps, --ref-repeat "
                              "or --ref-warmup" % (name, whole["steps"]))
            prepared[name] = (state, info, whole["steps"])

        # ours first: a wrong engine name or tc bench option fails before the reference's minutes
        bench_reports = []
        for i, profile in enumerate(profiles):
            engines = args.engines
            if i > 0 and engines is not None:
                engines = [e for e in engines if e != "interp"]  # the interpreter has no weights: once is enough
                if not engines:
                    continue
            print("tc bench%s..." % ((" (" + profile + ")") if profile_opt else ""), file=sys.stderr)
            bench_reports.append(run_bench(args.programs, engines, profile_opt, profile if profile_opt else None,
                                           config_opt, args.config, args.bench_args))

        figures, checks, ok = {}, [], True
        for name in args.programs:
            state, info, total = prepared[name]
            print("%s: the reference steps it (%d steps)..." % (name, k), file=sys.stderr)
            r = reference_run(torch, ref, state, info, args)
            decoded = decode(ref, r)
            lines = ["state file = reference's init_state for the same program: %s" % r["same_layout"]]
            r["agrees"] = r["same_layout"] == "equal"
            for engine, profile in (("interp", None), ("sparse", "loom-v1")):
                summary, memory = our_run(state, engine, profile, k, r["initial_memory"], info)
                for var, value in summary["variables"].items():
                    if isinstance(value, int) and var in info.get("variables", {}) and memory[info["variables"][var]] != value:
                        raise Failure("tc run --trace and --json disagree on %s after %d steps" % (var, k))
                diffs = compare(decoded, summary["pc"], memory)
                label = engine + (" " + profile if profile else "")
                lines.append("after %d steps, reference vs our %s: %s" % (
                    k, label, "agree (pc %d, all %d memory cells, %d of them changed since the start)"
                    % (decoded["pc"], len(memory), sum(a != b for a, b in zip(memory, r["initial_memory"])))
                    if not diffs else "DIFFER: " + "; ".join(diffs[:6])))
                r["agrees"] &= not diffs
            ok &= r["agrees"]
            lines.append("reference state after %d steps: largest distance of an entry from an integer %.3g"
                         % (k, decoded["off_integer"]))
            lines.append("reference time per step over its %d timed runs: %s" % (
                args.ref_repeat, ", ".join(per_step_text(t) for t in r["per_step_s"])))
            if args.ste:
                lines.append("reference step(use_softmax=True) leaves %s state as its argmax step after %d steps"
                             % ("the same" if r["ste_equal"] else "a DIFFERENT", k))
            checks.append((name, total, lines))
            figures[name] = r

    print()
    print("reference torch vs ours, measured in one run on %s (%s)"
          % (started.strftime("%Y-%m-%d %H:%M UTC"), args.config))
    machine = bench_reports[0][0].get("machine", {})
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print("machine: %d cores, %s, load average %.1f at the end; python %s, torch %s (%d threads), BLAS %s; java %s"
          % (os.cpu_count() or 0, platform.machine(), load, platform.python_version(), torch.__version__,
             torch.get_num_threads(), blas, machine.get("javaVersion", "?")))
    print("reference: LoomComputer.step (loom_v1.py, argmax attention, float32), %d untimed steps, median of %d runs x %d steps"
          % (args.ref_warmup, args.ref_repeat, args.ref_steps))
    for _, bench_args in bench_reports:
        print("ours: ./tc %s" % " ".join(shlex.quote(a) for a in bench_args))
    print()
    fmt = "%-10s %-16s %-8s %7s %11s %13s %12s  %s"
    print(fmt % ("program", "engine", "profile", "steps", "per step", "steps/s", "vs torch", "check"))
    seen = set()
    for name in args.programs:
        r = figures[name]
        ref_s = statistics.median(r["per_step_s"])
        print(fmt % (name, "reference torch", "loom-v1", args.ref_steps * args.ref_repeat, per_step_text(ref_s),
                     rate_text(1 / ref_s), "1.0x", "agrees with ours (below)" if r["agrees"] else "DIFFERS from ours (below)"))
        if args.ste:
            ste_s = statistics.median(r["ste_per_step_s"])
            print(fmt % (name, "reference ste", "loom-v1", args.ref_steps * args.ref_repeat, per_step_text(ste_s),
                         rate_text(1 / ste_s), ratio_text(ref_s / ste_s), "same state" if r["ste_equal"] else "DIFFERS"))
        for report, _ in bench_reports:
            for row in report["results"]:
                key = (row["program"], row["engine"], row.get("profile"))
                if row["program"] != name or key in seen or row.get("nanosPerStep") is None:
                    continue
                seen.add(key)
                ours_s = row["nanosPerStep"] / 1e9
                print(fmt % (name, row["engine"], row.get("profile") or "-", row["steadySteps"], per_step_text(ours_s),
                             rate_text(1 / ours_s), ratio_text(ref_s / ours_s), row.get("check", "")))
                ok &= row.get("correct", True) or row["engine"] == "softmax"
    print()
    print("vs torch: the reference's time per step over the engine's (how many times faster than the reference)")
    print("steps: steps timed (ours: tc bench's steady steps after the first, or whole runs to HALT for interp)")
    for name, total, lines in checks:
        print("%s (%d steps to HALT):" % (name, total))
        for line in lines:
            print("  " + line)

    if args.save:
        with open(args.save, "w") as f:
            json.dump({
                "date": started.isoformat(), "config": args.config, "torch": torch.__version__,
                "torchThreads": torch.get_num_threads(), "blas": blas, "python": platform.python_version(),
                "reference": {n: {"buildSeconds": r["build_s"], "perStepSeconds": r["per_step_s"],
                                  "steSeconds": r.get("ste_per_step_s")} for n, r in figures.items()},
                "settings": {"refWarmup": args.ref_warmup, "refSteps": args.ref_steps, "refRepeat": args.ref_repeat},
                "checks": {n: lines for n, _, lines in checks},
                "tcBench": [{"command": ["./tc"] + a, "report": rep} for rep, a in bench_reports],
            }, f, indent=2)
    if not ok:
        print("WARNING: a comparison above did not agree", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

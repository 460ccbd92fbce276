#!/usr/bin/env python3
"""Compiler against the Pulumi Node SDK, interleaved in one run (a benchmark, not a test).

For each stack (dev and generated stacks of 1, 10, 50, 200 and 800 pools) it times, alternately in every round:
  compiler  infra/pulumi-compiler with PULUMI_STACK and PULUMI_CONFIG, as Pulumi runs it (the build it picks: Native
            AOT where clang and the zlib headers exist);
  node      bench/node-baseline/program.mjs evaluating the program the compiler printed for that stack, under mocks.
Wall time from process start to exit; peak resident memory from wait4 (the script execs the compiler, so the
compiler's). Prints a Markdown table of medians. Needs PyYAML, Node 20+ and tests/conformance/ensure-packages.
Usage: bench/vs-node.py [rounds]   (default 10)
"""
import os, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
script = os.path.join(root, "infra", "pulumi-compiler")
baseline = os.path.join(root, "bench", "node-baseline", "program.mjs")
work = tempfile.mkdtemp(prefix="gpu-vs-node-")

subprocess.run([os.path.join(root, "tests", "conformance", "ensure-packages")], check=True)
stacks = {"dev": os.path.join(root, "Pulumi.dev.yaml")}
for n in (1, 10, 50, 200, 800):
    subprocess.run([sys.executable, os.path.join(root, "bench", "generate-stack.py"), str(n), work], check=True, stdout=subprocess.DEVNULL)
    stacks[f"bench-{n}"] = os.path.join(work, f"Pulumi.bench-{n}.yaml")

commands = {}
for stack, path in stacks.items():
    config = subprocess.run([sys.executable, os.path.join(root, "bench", "pulumi-config.py"), path],
                            check=True, capture_output=True, text=True).stdout.strip()
    env = dict(os.environ, PULUMI_STACK=stack, PULUMI_CONFIG=config)
    argv = [script]
    if len(config.encode()) >= 128 * 1024:
        # Linux refuses one environment string over 128 KiB (MAX_ARG_STRLEN) with E2BIG, so Pulumi could not start
        # the compiler for this stack either; the built compiler reads the stack file instead.
        mode = open(os.path.join(root, ".compiler", ".mode")).read().strip()
        built = os.path.join(root, ".compiler", mode, "gpu-slicing-infra")
        argv = ([built] if mode == "aot" else ["dotnet", built + ".dll"]) + ["--project-dir", work, "--stack", stack]
        env = dict(os.environ)
        print(f"vs-node: {stack}: PULUMI_CONFIG is {len(config)} bytes, over Linux's limit; timing the {mode} binary on the stack file", file=sys.stderr)
    # Untimed: builds the compiler on first use and writes the program the Node baseline evaluates.
    program = os.path.join(work, f"{stack}.yaml")
    with open(program, "w") as out:
        subprocess.run(argv, env=env, cwd=root, check=True, stdout=out)
    resources = sum(1 for line in open(program) if line.startswith("    type: "))
    commands[stack] = (resources, {"compiler": (argv, env), "node": (["node", baseline, program], dict(os.environ))})


def measure(argv, env):
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"vs-node: {' '.join(argv)} failed")
    return elapsed, usage.ru_maxrss / 1024  # KiB on Linux


times = {(s, c): [] for s in commands for c in ("compiler", "node")}
peaks = dict.fromkeys(times, 0.0)
for measured in range(rounds + 1):  # round 0 warms caches and is not kept
    for stack, (_, pair) in commands.items():
        for name, (argv, env) in pair.items():
            ms, mib = measure(argv, env)
            if measured:
                times[stack, name].append(ms)
                peaks[stack, name] = max(peaks[stack, name], mib)
    print(f"vs-node: round {measured}/{rounds} done", file=sys.stderr)

print(f"| stack | resources | compiler median (ms) | Node SDK median (ms) | Node / compiler | compiler peak RSS (MiB) | Node peak RSS (MiB) |")
print("|---|---:|---:|---:|---:|---:|---:|")
for stack, (count, _) in commands.items():
    c, n = statistics.median(times[stack, "compiler"]), statistics.median(times[stack, "node"])
    print(f"| {stack} | {count} | {c:.1f} | {n:.0f} | {n / c:.0f}× | {peaks[stack, 'compiler']:.0f} | {peaks[stack, 'node']:.0f} |")

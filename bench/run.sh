#!/usr/bin/env bash
# Compile-latency benchmark: the compiler through infra/pulumi-compiler exactly as Pulumi runs it (PULUMI_STACK and
# PULUMI_CONFIG in the environment, no arguments), JIT build against Native AOT build, plus peak memory.
# Needs hyperfine, GNU time (/usr/bin/time), PyYAML, and clang with the zlib headers for the AOT build (see bench/README.md).
# Usage: bench/run.sh [runs]   (default 20)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20}"
out="$(mktemp -d -t gpu-bench-XXXX)"
command -v hyperfine >/dev/null || { echo "bench: hyperfine is required (Debian/Ubuntu: apt-get install hyperfine; elsewhere see bench/README.md)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: GNU time is required for peak memory (Debian/Ubuntu: apt-get install time)" >&2; exit 1; }
script="$root/infra/pulumi-compiler"
modes=(jit aot)

# Build (or reuse) both compilers through the script, as Pulumi's first run would.
for mode in "${modes[@]}"; do GPU_SLICING_INFRA_COMPILER_MODE="$mode" "$script" --stack dev >/dev/null; done

# Each stack's PULUMI_CONFIG goes into the environment once, so the timed command starts no converter.
stacks=(dev)
export PULUMI_CONFIG_dev
PULUMI_CONFIG_dev="$(python3 "$root/bench/pulumi-config.py" "$root/Pulumi.dev.yaml")"
for n in 1 10 50 200; do
  python3 "$root/bench/generate-stack.py" "$n" "$out" >/dev/null
  export "PULUMI_CONFIG_bench_$n=$(python3 "$root/bench/pulumi-config.py" "$out/Pulumi.bench-$n.yaml")"
  stacks+=("bench-$n")
done

command_for() { echo "GPU_SLICING_INFRA_COMPILER_MODE=$1 PULUMI_STACK=$2 PULUMI_CONFIG=\"\$PULUMI_CONFIG_${2//-/_}\" $script"; }

args=(--warmup 3 --runs "$runs" --export-json "$out/results.json")
for stack in "${stacks[@]}"; do
  for mode in "${modes[@]}"; do
    args+=(-n "$mode $stack" "$(command_for "$mode" "$stack")")
  done
done
hyperfine "${args[@]}" >&2

# Peak resident memory: the largest of three runs (the script execs the compiler, so it is the compiler's).
for stack in "${stacks[@]}"; do
  for mode in "${modes[@]}"; do
    peak=0
    for _ in 1 2 3; do
      kib="$(bash -c "/usr/bin/time -f %M -o $out/rss env $(command_for "$mode" "$stack") >/dev/null" && cat "$out/rss")"
      [ "$kib" -gt "$peak" ] && peak="$kib"
    done
    echo "$mode $stack $peak" >>"$out/rss.txt"
  done
done

python3 - "$out/results.json" "$out/rss.txt" <<'PY'
import json, sys
median = {r["command"]: r["median"] * 1000 for r in json.load(open(sys.argv[1]))["results"]}
rss = {f"{m} {s}": int(k) / 1024 for m, s, k in (line.split() for line in open(sys.argv[2]))}
stacks = list(dict.fromkeys(c.split(" ", 1)[1] for c in median))
print("| stack | JIT median (ms) | AOT median (ms) | JIT / AOT | JIT peak RSS (MiB) | AOT peak RSS (MiB) |")
print("|---|---:|---:|---:|---:|---:|")
for s in stacks:
    j, a = median[f"jit {s}"], median[f"aot {s}"]
    print(f"| {s} | {j:.0f} | {a:.1f} | {j / a:.0f}× | {rss[f'jit {s}']:.0f} | {rss[f'aot {s}']:.0f} |")
PY

#!/usr/bin/env bash
# Compile-latency benchmark: times the compiler process from start to exit, as Pulumi runs it.
# Needs hyperfine (Debian/Ubuntu: apt-get install hyperfine; see bench/README.md). Usage: bench/run.sh [runs]   (default 20)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20}"
out="$(mktemp -d -t gpu-bench-XXXX)"
command -v hyperfine >/dev/null || { echo "bench: hyperfine is required (Debian/Ubuntu: apt-get install hyperfine; elsewhere see bench/README.md)" >&2; exit 1; }

# Build (or reuse) the compiler exactly as Pulumi's compiler script does.
"$root/infra/pulumi-compiler" --stack dev >/dev/null
dll="$root/.compiler/gpu-slicing-infra.dll"

for n in 1 10 50 200; do python3 "$root/bench/generate-stack.py" "$n" "$out" >/dev/null; done

args=(--warmup 3 --runs "$runs" --export-json "$out/results.json" -N)
# What a user (and Pulumi) runs: the script, which checks the build is current, then starts the compiler.
for stack in dev prod; do
  args+=(-n "infra/pulumi-compiler --stack $stack" "$root/infra/pulumi-compiler --stack $stack")
done
# The compiler process alone, for the script's own overhead and for stacks outside the repository
# (the script always reads the repository's stack files).
args+=(-n "compiler dll, dev" "dotnet $dll --project-dir $root --stack dev")
for n in 1 10 50 200; do
  args+=(-n "compiler dll, bench-$n" "dotnet $dll --project-dir $out --stack bench-$n")
done
args+=(-n "dotnet run --project infra, dev" "dotnet run --project $root/infra -c Release -- --project-dir $root --stack dev")
hyperfine "${args[@]}" >&2

python3 - "$out/results.json" <<'PY'
import json, sys
print("| command | median (ms) | mean ± σ (ms) | min (ms) |")
print("|---|---:|---:|---:|")
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"| {r['command']} | {r['median']*1000:.0f} | {r['mean']*1000:.0f} ± {r['stddev']*1000:.0f} | {r['min']*1000:.0f} |")
PY

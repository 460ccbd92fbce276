#!/usr/bin/env python3
"""CPU time (user + sys) per run of each command, alternating the commands in every round so load drifts hit them
alike; CPU time suffers less than wall time from a shared machine. Prints a Markdown table of medians and the
1-minute load average before and after. The environment (PULUMI_STACK, PULUMI_CONFIG) is passed through.
Usage: bench/cpu-time.py ROUNDS 'label=command args' ...   (output of each run is discarded; a failed run stops it)"""
import os, shlex, statistics, subprocess, sys, time

rounds = int(sys.argv[1])
commands = [(spec.split("=", 1)[0], shlex.split(spec.split("=", 1)[1])) for spec in sys.argv[2:]]
samples = {label: ([], []) for label, _ in commands}
load_before = os.getloadavg()[0]
for round_number in range(rounds + 1):
    for label, argv in commands:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"bench: {label} exited {os.waitstatus_to_exitcode(status)}")
        # Round 0 warms the page cache and is dropped.
        if round_number > 0:
            samples[label][0].append((usage.ru_utime + usage.ru_stime) * 1000)
            samples[label][1].append(wall * 1000)
load_after = os.getloadavg()[0]
print(f"{rounds} rounds; 1-minute load average {load_before:.1f} before, {load_after:.1f} after\n")
print("| command | CPU median (ms) | CPU fastest (ms) | wall median (ms) |")
print("|---|---:|---:|---:|")
for label, (cpu, wall) in samples.items():
    print(f"| {label} | {statistics.median(cpu):.1f} | {min(cpu):.1f} | {statistics.median(wall):.1f} |")

#!/usr/bin/env python3
"""Writes Pulumi.bench-N.yaml with N GPU pools into a directory (default: a new temp dir) and prints the dir."""
import sys, tempfile, os

pools = int(sys.argv[1])
directory = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="gpu-bench-")
types = ["g4dn.xlarge", "g4dn.2xlarge", "g5.xlarge", "g5.2xlarge", "g6.xlarge", "g6e.xlarge"]
lines = [
    "config:",
    "  gpu-slicing-infra:environment: bench",
    "  gpu-slicing-infra:network:",
    "    cidrBlock: 10.30.0.0/16",
    "  gpu-slicing-infra:cluster:",
    f"    name: gpu-bench-{pools}",
    "  gpu-slicing-infra:karpenter:",
    "    enabled: true",
    "  gpu-slicing-infra:devicePlugin:",
    "    defaultProfile: exclusive",
    "    profiles:",
    "      ts-4: {strategy: timeSlicing, replicas: 4}",
    "      shared-8: {strategy: timeSlicing, replicas: 8, renameByDefault: true}",
    "      exclusive: {strategy: none}",
    "  gpu-slicing-infra:gpuPools:",
]
# Every fourth pool is a managed node group plus Karpenter headroom (overlay-override), every fourth
# another Karpenter-only with renamed slices (overlay-shared); the rest are plain managed node groups.
for i in range(pools):
    kind = i % 4
    profile = {0: "ts-4", 1: "exclusive", 2: "shared-8", 3: "ts-4"}[kind]
    lines += [
        f"    pool-{i}:",
        f"      instanceTypes: [{types[i % len(types)]}]",
        f"      profile: {profile}",
        f"      labels: {{team: team-{i % 7}}}",
    ]
    if kind == 2:
        # Karpenter-only: no node group, so node-group sizes are an error; its ceiling is karpenterMaxNodes.
        lines += ["      provisioner: karpenter", "      karpenterMode: overlay-shared", "      karpenterMaxNodes: 3"]
    else:
        lines += ["      minSize: 0", "      desiredSize: 1", "      maxSize: 3"]
        if kind == 0:
            lines += ["      provisioner: both", "      karpenterMode: overlay-override"]
with open(os.path.join(directory, f"Pulumi.bench-{pools}.yaml"), "w") as f:
    f.write("\n".join(lines) + "\n")
print(directory)

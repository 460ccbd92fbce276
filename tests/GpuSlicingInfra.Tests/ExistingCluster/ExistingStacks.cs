namespace GpuSlicingInfra.Tests.ExistingCluster;

/// <summary>Stack files that join an existing cluster, for the tests of this folder.</summary>
internal static class ExistingStacks
{
    public const string Subnet1 = "subnet-0a1b2c3d4e5f60718";
    public const string Subnet2 = "subnet-0b1c2d3e4f5a60719";

    /// <summary>One time-sliced pool on a managed node group.</summary>
    public const string ManagedPool = """
          gpu-slicing-infra:gpuPools:
            t4:
              profile: ts-4
        """;

    /// <summary>
    /// Cluster 'platform-prod' with two node subnets and a ts-4 profile; <paramref name="clusterExtra"/> lines go under
    /// <c>cluster</c> (four spaces), <paramref name="extra"/> lines under <c>config</c> (two spaces).
    /// </summary>
    public static string Yaml(string extra = ManagedPool, string clusterExtra = "") =>
        string.Join('\n',
            "config:",
            "  gpu-slicing-infra:cluster:",
            "    existing:",
            "      name: platform-prod",
            $"      nodeSubnetIds: [{Subnet1}, {Subnet2}]",
            clusterExtra,
            "  gpu-slicing-infra:devicePlugin:",
            "    profiles:",
            "      ts-4:",
            "        replicas: 4",
            extra,
            "");

    /// <summary>An existing Karpenter of <paramref name="version"/> provisioning pool 'burst' in <paramref name="mode"/>; <paramref name="karpenterExtra"/> lines go under <c>karpenter</c>.</summary>
    public static string WithExistingKarpenter(string version = "1.8.1", string mode = "overlay-override", string karpenterExtra = "") => Yaml(string.Join('\n',
        "  gpu-slicing-infra:karpenter:",
        "    existing: true",
        $"    existingVersion: \"{version}\"",
        "    existingNodeRole: KarpenterNodeRole-platform-prod",
        karpenterExtra,
        "  gpu-slicing-infra:gpuPools:",
        "    burst:",
        "      instanceTypes: [g6.xlarge]",
        "      profile: ts-4",
        "      provisioner: karpenter",
        $"      karpenterMode: {mode}"));
}

namespace GpuSlicingInfra.Tests.Catalog;

/// <summary>Stack files for the catalog, arm64 and pods-per-node tests: one profile, Karpenter on, the pools given.</summary>
internal static class CatalogTestStacks
{
    /// <summary><paramref name="pools"/> and <paramref name="extra"/> are YAML indented as entries under gpuPools and config.</summary>
    public static string With(string pools, int replicas = 4, string extra = "") => $"""
        config:
          gpu-slicing-infra:devicePlugin:
            profiles:
              ts:
                replicas: {replicas}
          gpu-slicing-infra:karpenter:
            enabled: true
            identity: podIdentity
        {extra}
          gpu-slicing-infra:gpuPools:
        {pools}
        """;

    /// <summary>A Karpenter pool of <paramref name="types"/> (family selection), ending in a newline.</summary>
    public static string KarpenterPool(string name, params string[] types) => $"""
            {name}:
              profile: ts
              provisioner: karpenter
              karpenterMode: overlay-override
              instanceTypes: [{string.Join(", ", types)}]
        """ + "\n";

    /// <summary>A managed node group pool of <paramref name="types"/>, ending in a newline.</summary>
    public static string GroupPool(string name, params string[] types) => $"""
            {name}:
              profile: ts
              instanceTypes: [{string.Join(", ", types)}]
        """ + "\n";

    /// <summary>An instanceCatalog entry for g7e.2xlarge (one GPU), with facts from Karpenter's VPC limits (4 ENIs × 63 + 2).</summary>
    public const string G7eCatalog = """
          gpu-slicing-infra:instanceCatalog:
            g7e.2xlarge:
              gpus: 1
              gpuModel: NVIDIA RTX PRO 6000
              gpuMemoryGiB: 96
              vCpus: 8
              memoryGiB: 64
              maxPods: 254
        """ + "\n";
}

using System.Collections.Frozen;

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>
/// The GPU instance types the product knows. Prices: approximate public Linux on-demand list prices,
/// us-east-1, as published in 2025 (p4d/p5 after the mid-2025 reduction). Stacks override them
/// per region or discount with the <c>prices</c> setting.
/// </summary>
public static class GpuInstanceCatalog
{
    private static readonly FrozenDictionary<string, GpuInstanceType> Types = Build().ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Every known type, ordered by name.</summary>
    public static IReadOnlyList<GpuInstanceType> All { get; } = [.. Types.Values.OrderBy(t => t.Name, StringComparer.Ordinal)];

    /// <summary>The type with this name, or null when unknown.</summary>
    public static GpuInstanceType? Find(string name) => Types.GetValueOrDefault(name);

    // Source: AWS EC2 on-demand pricing page, Linux, us-east-1, as collected in
    // docs/ec2-gpu-instances.md (prices as of 2025-11; p4d/p5 after the June 2025 reduction).
    private static IEnumerable<GpuInstanceType> Build() =>
    [
        .. Family("g4dn", "NVIDIA T4", 16,
            ("xlarge", 1, 4, 16, 0.526m), ("2xlarge", 1, 8, 32, 0.752m), ("4xlarge", 1, 16, 64, 1.204m),
            ("8xlarge", 1, 32, 128, 2.176m), ("16xlarge", 1, 64, 256, 4.352m), ("12xlarge", 4, 48, 192, 3.912m),
            ("metal", 8, 96, 384, 7.824m)),
        .. Family("g5", "NVIDIA A10G", 24,
            ("xlarge", 1, 4, 16, 1.006m), ("2xlarge", 1, 8, 32, 1.212m), ("4xlarge", 1, 16, 64, 1.624m),
            ("8xlarge", 1, 32, 128, 2.448m), ("16xlarge", 1, 64, 256, 4.096m), ("12xlarge", 4, 48, 192, 5.672m),
            ("24xlarge", 4, 96, 384, 8.144m), ("48xlarge", 8, 192, 768, 16.288m)),
        .. Family("g6", "NVIDIA L4", 24,
            ("xlarge", 1, 4, 16, 0.805m), ("2xlarge", 1, 8, 32, 0.978m), ("4xlarge", 1, 16, 64, 1.323m),
            ("8xlarge", 1, 32, 128, 2.014m), ("16xlarge", 1, 64, 256, 3.397m), ("12xlarge", 4, 48, 192, 4.602m),
            ("24xlarge", 4, 96, 384, 6.675m), ("48xlarge", 8, 192, 768, 13.350m)),
        .. Family("g6e", "NVIDIA L40S", 48,
            ("xlarge", 1, 4, 32, 1.861m), ("2xlarge", 1, 8, 64, 2.242m), ("4xlarge", 1, 16, 128, 3.004m),
            ("8xlarge", 1, 32, 256, 4.529m), ("16xlarge", 1, 64, 512, 7.577m), ("12xlarge", 4, 48, 384, 10.493m),
            ("24xlarge", 4, 96, 768, 15.066m), ("48xlarge", 8, 192, 1536, 30.131m)),
        .. Family("p3", "NVIDIA V100", 16,
            ("2xlarge", 1, 8, 61, 3.06m), ("8xlarge", 4, 32, 244, 12.24m), ("16xlarge", 8, 64, 488, 24.48m)),
        .. Family("p4d", "NVIDIA A100", 40, mig: true, ("24xlarge", 8, 96, 1152, 21.96m)),
        .. Family("p5", "NVIDIA H100", 80, mig: true, ("48xlarge", 8, 192, 2048, 55.04m)),
    ];

    // One family: its GPU model and memory, then per size: size, GPUs, vCPUs, memory GiB, $/h.
    private static IEnumerable<GpuInstanceType> Family(string family, string model, int gpuMemoryGiB,
        params (string Size, int Gpus, int VCpus, int MemoryGiB, decimal UsdPerHour)[] sizes) =>
        Family(family, model, gpuMemoryGiB, mig: false, sizes);

    private static IEnumerable<GpuInstanceType> Family(string family, string model, int gpuMemoryGiB, bool mig,
        params (string Size, int Gpus, int VCpus, int MemoryGiB, decimal UsdPerHour)[] sizes) =>
        sizes.Select(s => new GpuInstanceType($"{family}.{s.Size}", model, s.Gpus, gpuMemoryGiB, s.VCpus, s.MemoryGiB, mig, s.UsdPerHour));
}

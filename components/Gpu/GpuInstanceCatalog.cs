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
    private static IEnumerable<GpuInstanceType> Build()
    {
        // family, model, GPU GiB, MIG, then per size: name, GPUs, vCPU, memory GiB, $/h
        foreach (var (size, gpus, vcpu, mem, price) in new[]
        {
            ("xlarge", 1, 4, 16, 0.526m), ("2xlarge", 1, 8, 32, 0.752m), ("4xlarge", 1, 16, 64, 1.204m),
            ("8xlarge", 1, 32, 128, 2.176m), ("16xlarge", 1, 64, 256, 4.352m), ("12xlarge", 4, 48, 192, 3.912m),
            ("metal", 8, 96, 384, 7.824m),
        })
        {
            yield return new("g4dn." + size, "NVIDIA T4", gpus, 16, vcpu, mem, false, price);
        }
        foreach (var (size, gpus, vcpu, mem, price) in new[]
        {
            ("xlarge", 1, 4, 16, 1.006m), ("2xlarge", 1, 8, 32, 1.212m), ("4xlarge", 1, 16, 64, 1.624m),
            ("8xlarge", 1, 32, 128, 2.448m), ("16xlarge", 1, 64, 256, 4.096m), ("12xlarge", 4, 48, 192, 5.672m),
            ("24xlarge", 4, 96, 384, 8.144m), ("48xlarge", 8, 192, 768, 16.288m),
        })
        {
            yield return new("g5." + size, "NVIDIA A10G", gpus, 24, vcpu, mem, false, price);
        }
        foreach (var (size, gpus, vcpu, mem, price) in new[]
        {
            ("xlarge", 1, 4, 16, 0.805m), ("2xlarge", 1, 8, 32, 0.978m), ("4xlarge", 1, 16, 64, 1.323m),
            ("8xlarge", 1, 32, 128, 2.014m), ("16xlarge", 1, 64, 256, 3.397m), ("12xlarge", 4, 48, 192, 4.602m),
            ("24xlarge", 4, 96, 384, 6.675m), ("48xlarge", 8, 192, 768, 13.350m),
        })
        {
            yield return new("g6." + size, "NVIDIA L4", gpus, 24, vcpu, mem, false, price);
        }
        foreach (var (size, gpus, vcpu, mem, price) in new[]
        {
            ("xlarge", 1, 4, 32, 1.861m), ("2xlarge", 1, 8, 64, 2.242m), ("4xlarge", 1, 16, 128, 3.004m),
            ("8xlarge", 1, 32, 256, 4.529m), ("16xlarge", 1, 64, 512, 7.577m), ("12xlarge", 4, 48, 384, 10.493m),
            ("24xlarge", 4, 96, 768, 15.066m), ("48xlarge", 8, 192, 1536, 30.131m),
        })
        {
            yield return new("g6e." + size, "NVIDIA L40S", gpus, 48, vcpu, mem, false, price);
        }
        yield return new("p3.2xlarge", "NVIDIA V100", 1, 16, 8, 61, false, 3.06m);
        yield return new("p3.8xlarge", "NVIDIA V100", 4, 16, 32, 244, false, 12.24m);
        yield return new("p3.16xlarge", "NVIDIA V100", 8, 16, 64, 488, false, 24.48m);
        yield return new("p4d.24xlarge", "NVIDIA A100", 8, 40, 96, 1152, true, 21.96m);
        yield return new("p5.48xlarge", "NVIDIA H100", 8, 80, 192, 2048, true, 55.04m);
    }
}

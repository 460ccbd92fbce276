namespace GpuSlicingInfra.Components.Gpu;

/// <summary>
/// The facts of <see cref="GpuInstanceCatalog.BuiltIn"/>, one line per size: GPUs, vCPUs, memory GiB, max pods, $/h.
/// Sources:
/// <list type="bullet">
/// <item>GPUs, GPU memory, vCPUs and memory: the Amazon EC2 accelerated computing instance specifications
/// (docs.aws.amazon.com/ec2/latest/instancetypes/ac.html; g5g as listed in the AWS Batch GPU jobs guide,
/// docs.aws.amazon.com/batch/latest/userguide/gpu-jobs.html).</item>
/// <item>Max pods: ENIs of the default network card × (IPv4 addresses per ENI − 1) + 2, the ENIs and addresses from
/// Karpenter's generated VPC limits, aws/karpenter-provider-aws pkg/providers/instancetype/zz_generated.vpclimits.go at
/// commit 1d927085dd81a9df9301e613f371dac5b4d16bfe (generated 2026-08-06); the default card's count, not the
/// instance's total, as Karpenter's ENILimitedPods (pkg/providers/instancetype/types.go) and the VPC CNI use it.</item>
/// <item>Prices: AWS EC2 on-demand pricing, Linux, us-east-1, as collected in docs/ec2-gpu-instances.md (2025-11; p4d/p5
/// after the June 2025 reduction). Types added later (g5g, g6f, gr6, p4de, p5.4xlarge, p5en, p6-b200): Karpenter's generated
/// us-east-1 on-demand prices, pkg/providers/pricing/zz_generated.pricing_aws.go at the same commit (generated
/// 2026-07-20), which agree with every earlier price above to the cent. p5e is sold through capacity blocks only and
/// has no on-demand price: plan shows it unpriced until the stack's <c>prices</c> setting gives one.</item>
/// </list>
/// </summary>
public static class BuiltInGpuInstanceTypes
{
    /// <summary>Every built-in type.</summary>
    public static IReadOnlyList<GpuInstanceType> All { get; } =
    [
        .. Family("g4dn", "NVIDIA T4", 16,
            ("xlarge", 1, 4, 16, 29, 0.526m), ("2xlarge", 1, 8, 32, 29, 0.752m), ("4xlarge", 1, 16, 64, 29, 1.204m),
            ("8xlarge", 1, 32, 128, 58, 2.176m), ("16xlarge", 1, 64, 256, 58, 4.352m), ("12xlarge", 4, 48, 192, 234, 3.912m),
            ("metal", 8, 96, 384, 737, 7.824m)),
        .. Family("g5", "NVIDIA A10G", 24,
            ("xlarge", 1, 4, 16, 58, 1.006m), ("2xlarge", 1, 8, 32, 58, 1.212m), ("4xlarge", 1, 16, 64, 234, 1.624m),
            ("8xlarge", 1, 32, 128, 234, 2.448m), ("16xlarge", 1, 64, 256, 234, 4.096m), ("12xlarge", 4, 48, 192, 737, 5.672m),
            ("24xlarge", 4, 96, 384, 737, 8.144m), ("48xlarge", 8, 192, 768, 345, 16.288m)),
        // Graviton2 with NVIDIA T4G: arm64, so the ARM_64 NVIDIA AMI and kubernetes.io/arch In [arm64].
        .. Family("g5g", "NVIDIA T4G", 16,
            ("xlarge", 1, 4, 8, 58, 0.42m), ("2xlarge", 1, 8, 16, 58, 0.556m), ("4xlarge", 1, 16, 32, 234, 0.828m),
            ("8xlarge", 1, 32, 64, 234, 1.372m), ("16xlarge", 2, 64, 128, 737, 2.744m), ("metal", 2, 64, 128, 737, 2.744m))
            .Select(t => t with { Architecture = CpuArchitecture.Arm64 }),
        .. Family("g6", "NVIDIA L4", 24,
            ("xlarge", 1, 4, 16, 58, 0.805m), ("2xlarge", 1, 8, 32, 58, 0.978m), ("4xlarge", 1, 16, 64, 234, 1.323m),
            ("8xlarge", 1, 32, 128, 234, 2.014m), ("16xlarge", 1, 64, 256, 737, 3.397m), ("12xlarge", 4, 48, 192, 234, 4.602m),
            ("24xlarge", 4, 96, 384, 737, 6.675m), ("48xlarge", 8, 192, 768, 737, 13.350m)),
        // One L4 with more host memory per vCPU (gr6.4xlarge 16 vCPUs / 128 GiB, gr6.8xlarge 32 / 256).
        .. Family("gr6", "NVIDIA L4", 24, ("4xlarge", 1, 16, 128, 234, 1.5392m), ("8xlarge", 1, 32, 256, 234, 2.4464m)),
        .. Family("g6e", "NVIDIA L40S", 48,
            ("xlarge", 1, 4, 32, 58, 1.861m), ("2xlarge", 1, 8, 64, 58, 2.242m), ("4xlarge", 1, 16, 128, 234, 3.004m),
            ("8xlarge", 1, 32, 256, 234, 4.529m), ("16xlarge", 1, 64, 512, 737, 7.577m), ("12xlarge", 4, 48, 384, 292, 10.493m),
            ("24xlarge", 4, 96, 768, 492, 15.066m), ("48xlarge", 8, 192, 1536, 492, 30.131m)),
        // A fraction of one L4 (1/8, 1/8, 1/4, 1/2: 3, 3, 6, 12 GB as AWS states it); the device plugin sees one GPU,
        // but EC2 reports a GPU count of 0, so Karpenter cannot provision it (aws/karpenter-provider-aws#8368, #8324).
        .. FractionalL4(("large", 3, 2, 8, 20, 0.202m), ("xlarge", 3, 4, 16, 58, 0.2375m), ("2xlarge", 6, 8, 32, 58, 0.475m), ("4xlarge", 12, 16, 64, 234, 0.95m)),
        .. Family("p3", "NVIDIA V100", 16,
            ("2xlarge", 1, 8, 61, 58, 3.06m), ("8xlarge", 4, 32, 244, 234, 12.24m), ("16xlarge", 8, 64, 488, 234, 24.48m)),
        .. Mig(Family("p4d", "NVIDIA A100", 40, ("24xlarge", 8, 96, 1152, 737, 21.96m))),
        .. Mig(Family("p4de", "NVIDIA A100", 80, ("24xlarge", 8, 96, 1152, 737, 27.44705m))),
        .. Mig(Family("p5", "NVIDIA H100", 80, ("48xlarge", 8, 192, 2048, 100, 55.04m))),
        // One H100; EC2 reports a GPU count of 0 for it too (aws/karpenter-provider-aws#8368).
        .. Mig(Family("p5", "NVIDIA H100", 80, ("4xlarge", 1, 16, 256, 118, 6.88m))).Select(t => t with { KarpenterCanProvision = false }),
        .. Mig(Family("p5e", "NVIDIA H200", 141, ("48xlarge", 8, 192, 2048, 100, null))),
        .. Mig(Family("p5en", "NVIDIA H200", 141, ("48xlarge", 8, 192, 2048, 198, 63.296m))),
        // 1,440 GB of GPU memory over 8 B200s.
        .. Mig(Family("p6-b200", "NVIDIA B200", 180, ("48xlarge", 8, 192, 2048, 198, 113.9328m))),
    ];

    // One family: its GPU model and memory, then per size: size, GPUs, vCPUs, memory GiB, max pods, $/h.
    private static IEnumerable<GpuInstanceType> Family(string family, string model, int gpuMemoryGiB,
        params (string Size, int Gpus, int VCpus, int MemoryGiB, int MaxPods, decimal? UsdPerHour)[] sizes) =>
        sizes.Select(s => new GpuInstanceType($"{family}.{s.Size}", model, s.Gpus, gpuMemoryGiB, s.VCpus, s.MemoryGiB, SupportsMig: false, s.UsdPerHour)
        {
            MaxPods = s.MaxPods,
        });

    private static IEnumerable<GpuInstanceType> Mig(IEnumerable<GpuInstanceType> types) => types.Select(t => t with { SupportsMig = true });

    // g6f: per size its GPU memory share, vCPUs, memory GiB, max pods and $/h.
    private static IEnumerable<GpuInstanceType> FractionalL4(params (string Size, int GpuMemoryGiB, int VCpus, int MemoryGiB, int MaxPods, decimal UsdPerHour)[] sizes) =>
        sizes.Select(s => new GpuInstanceType($"g6f.{s.Size}", "NVIDIA L4", 1, s.GpuMemoryGiB, s.VCpus, s.MemoryGiB, SupportsMig: false, s.UsdPerHour)
        {
            MaxPods = s.MaxPods,
            KarpenterCanProvision = false,
        });
}

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>Facts about one EC2 GPU instance type, from the built-in catalog or a stack's <c>instanceCatalog</c>.</summary>
/// <param name="Name">Instance type, e.g. <c>g4dn.xlarge</c>.</param>
/// <param name="GpuModel">GPU model, e.g. <c>NVIDIA T4</c>; an A100 80 GB is <c>NVIDIA A100</c> with <see cref="GpuMemoryGiB"/> 80.</param>
/// <param name="GpuCount">GPUs the NVIDIA device plugin finds per instance (1 on a fractional-GPU type).</param>
/// <param name="GpuMemoryGiB">Memory of one GPU in GiB (the slice's share on a fractional-GPU type).</param>
/// <param name="VCpus">vCPUs.</param>
/// <param name="MemoryGiB">Instance memory in GiB.</param>
/// <param name="SupportsMig">Whether the GPU supports Multi-Instance GPU partitioning.</param>
/// <param name="OnDemandUsdPerHour">Linux on-demand list price in us-east-1, USD per hour; null when unknown (plan shows it unpriced).</param>
public sealed record GpuInstanceType(
    string Name,
    string GpuModel,
    int GpuCount,
    int GpuMemoryGiB,
    int VCpus,
    int MemoryGiB,
    bool SupportsMig,
    decimal? OnDemandUsdPerHour)
{
    /// <summary>The family, e.g. <c>g4dn</c>.</summary>
    public string Family => Name[..Name.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>CPU architecture; decides the AMI and the NodePool's <c>kubernetes.io/arch</c>. Default: amd64.</summary>
    public CpuArchitecture Architecture { get; init; } = CpuArchitecture.Amd64;

    /// <summary>
    /// Pods the node takes: the VPC CNI limit without prefix delegation, ENIs × (IPv4 addresses per ENI − 1) + 2
    /// (kubelet's maxPods on EKS AMIs; Karpenter's <c>ENILimitedPods</c>, pkg/providers/instancetype/types.go).
    /// </summary>
    public required int MaxPods { get; init; }

    /// <summary>
    /// Whether Karpenter can provision it. False for fractional-GPU types, where EC2 reports a GPU count of 0, so
    /// Karpenter never offers them for GPU requests (aws/karpenter-provider-aws#8368). Default: true.
    /// </summary>
    public bool KarpenterCanProvision { get; init; } = true;
}

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>Facts about one EC2 GPU instance type.</summary>
/// <param name="Name">Instance type, e.g. <c>g4dn.xlarge</c>.</param>
/// <param name="GpuModel">GPU model, e.g. <c>NVIDIA T4</c>.</param>
/// <param name="GpuCount">Physical GPUs per instance.</param>
/// <param name="GpuMemoryGiB">Memory of one GPU in GiB.</param>
/// <param name="VCpus">vCPUs.</param>
/// <param name="MemoryGiB">Instance memory in GiB.</param>
/// <param name="SupportsMig">Whether the GPU supports Multi-Instance GPU partitioning.</param>
/// <param name="OnDemandUsdPerHour">Linux on-demand list price in us-east-1, USD per hour.</param>
public sealed record GpuInstanceType(
    string Name,
    string GpuModel,
    int GpuCount,
    int GpuMemoryGiB,
    int VCpus,
    int MemoryGiB,
    bool SupportsMig,
    decimal OnDemandUsdPerHour)
{
    /// <summary>The family, e.g. <c>g4dn</c>.</summary>
    public string Family => Name[..Name.IndexOf('.', StringComparison.Ordinal)];
}

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>
/// The GPU models of the instance catalog with their compute capability (NVIDIA's CUDA GPU list) and, for the
/// MIG-capable ones, their mig-parted identity (PCI device ids as in the GPU Operator's
/// default-mig-parted-config.yaml device filters).
/// </summary>
public static class GpuModels
{
    /// <summary>A100 SXM4 40 GB (p4d).</summary>
    public static readonly MigGpu A100Sxm40 = new("A100-40GB", "0x20B010DE");

    /// <summary>A100 SXM4 80 GB (p4de).</summary>
    public static readonly MigGpu A100Sxm80 = new("A100-80GB", "0x20B210DE");

    /// <summary>H100 SXM5 80 GB (p5).</summary>
    public static readonly MigGpu H100Sxm80 = new("H100-80GB", "0x233010DE");

    /// <summary>H200 SXM 141 GB (p5e, p5en).</summary>
    public static readonly MigGpu H200Sxm141 = new("H200-141GB", "0x233510DE");

    /// <summary>B200 (p6-b200).</summary>
    public static readonly MigGpu B200 = new("B200", "0x290110DE");

    private static readonly IReadOnlyList<GpuModelFacts> Known =
    [
        new("NVIDIA T4", 16, new(7, 5), null),
        new("NVIDIA T4G", 16, new(7, 5), null),
        new("NVIDIA A10G", 24, new(8, 6), null),
        new("NVIDIA L4", 24, new(8, 9), null),
        new("NVIDIA L40S", 48, new(8, 9), null),
        new("NVIDIA V100", 16, new(7, 0), null),
        new("NVIDIA A100", 40, new(8, 0), A100Sxm40),
        new("NVIDIA A100", 80, new(8, 0), A100Sxm80),
        new("NVIDIA H100", 80, new(9, 0), H100Sxm80),
        new("NVIDIA H200", 141, new(9, 0), H200Sxm141),
        new("NVIDIA B200", 180, new(10, 0), B200),
    ];

    /// <summary>Every MIG GPU the layout table covers.</summary>
    public static IReadOnlyList<MigGpu> MigGpus { get; } = [A100Sxm40, A100Sxm80, H100Sxm80, H200Sxm141, B200];

    /// <summary>
    /// The facts of an instance type's GPU, or null when this product does not know the model. Memory tells MIG GPUs
    /// apart (an A100 of 40 or 80 GB partitions differently); other models match by name, so a fractional L4 (g6f,
    /// 3 to 12 GB of one L4) has the L4's compute capability.
    /// </summary>
    public static GpuModelFacts? Of(GpuInstanceType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Known.FirstOrDefault(f => f.Model == type.GpuModel && (f.MemoryGiB == type.GpuMemoryGiB || f.Mig is null));
    }

    /// <summary>MPS clients per GPU for an instance type; the lower limit when the model is unknown, which is always safe.</summary>
    public static int MpsMaxClients(GpuInstanceType type) => Of(type)?.MpsMaxClients ?? GpuModelFacts.MpsMaxClientsLegacy;
}

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>Facts about one GPU model that sharing depends on, keyed like the instance catalog (model name and memory).</summary>
/// <param name="Model">The catalog's <see cref="GpuInstanceType.GpuModel"/>, e.g. <c>NVIDIA A100</c>.</param>
/// <param name="MemoryGiB">The catalog's <see cref="GpuInstanceType.GpuMemoryGiB"/>: one model name covers several memory sizes.</param>
/// <param name="ComputeCapability">CUDA compute capability, e.g. 7.5 for T4.</param>
/// <param name="Mig">The GPU as mig-parted's layouts know it, or null when the GPU has no MIG.</param>
public sealed record GpuModelFacts(string Model, int MemoryGiB, Version ComputeCapability, MigGpu? Mig)
{
    /// <summary>
    /// The most MPS clients per GPU the plugin's control daemon accepts: 48 at compute capability 7.5 or
    /// more, 16 below (NVIDIA/k8s-device-plugin v0.20.0, cmd/mps-control-daemon/mps/device.go, maxClients).
    /// </summary>
    public int MpsMaxClients => ComputeCapability >= MpsFullClientsFrom ? MpsMaxClientsModern : MpsMaxClientsLegacy;

    /// <summary>Clients per GPU at compute capability 7.5 and above.</summary>
    public const int MpsMaxClientsModern = 48;

    /// <summary>Clients per GPU below 7.5; also the limit assumed for a GPU model this product does not know.</summary>
    public const int MpsMaxClientsLegacy = 16;

    private static readonly Version MpsFullClientsFrom = new(7, 5);
}

/// <summary>A MIG-capable GPU as NVIDIA's mig-parted config names it.</summary>
/// <param name="Name">The name in the layout file's comments, e.g. <c>A100-40GB</c>.</param>
/// <param name="PciDeviceId">The PCI device id its <c>device-filter</c> entries match, e.g. <c>0x20B010DE</c>.</param>
public sealed record MigGpu(string Name, string PciDeviceId);

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>How the device plugin shares each physical GPU on nodes of a profile.</summary>
public enum SharingStrategy
{
    /// <summary>No sharing: one pod per GPU (the profile has no <c>sharing</c> section).</summary>
    None,

    /// <summary>CUDA time-slicing: replicas take turns; no memory or fault isolation.</summary>
    TimeSlicing,

    /// <summary>CUDA MPS: concurrent clients, each limited to 1/replicas of the GPU's memory and compute.</summary>
    Mps,

    /// <summary>Multi-Instance GPU: the GPU is partitioned into isolated devices by a mig-parted layout.</summary>
    Mig,
}

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>How the device plugin shares each physical GPU on nodes of a profile.</summary>
public enum SharingStrategy
{
    /// <summary>No sharing: one pod per GPU (the profile has no <c>sharing</c> section).</summary>
    None,

    /// <summary>CUDA time-slicing: replicas take turns; no memory or fault isolation.</summary>
    TimeSlicing,

    /// <summary>CUDA MPS: concurrent clients with equal memory limits (Volta or newer).</summary>
    Mps,
}

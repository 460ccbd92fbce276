namespace GpuSlicingInfra.Components.Autoscaling;

/// <summary>
/// How a Karpenter pool reconciles Karpenter's scheduling simulation (physical GPUs from EC2) with
/// the time-sliced GPUs the device plugin advertises.
/// </summary>
public enum KarpenterMode
{
    /// <summary>No overlay: pods request <c>nvidia.com/gpu</c>; Karpenter counts physical GPUs and over-buys in bursts.</summary>
    Plain,

    /// <summary>Pods request <c>nvidia.com/gpu</c>; a NodeOverlay sets it to GPUs × replicas in the simulation.</summary>
    OverlayOverride,

    /// <summary>The profile renames the resource; pods request <c>nvidia.com/gpu.shared</c>, which a NodeOverlay declares.</summary>
    OverlayShared,
}

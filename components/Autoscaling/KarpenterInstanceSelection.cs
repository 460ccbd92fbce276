namespace GpuSlicingInfra.Components.Autoscaling;

/// <summary>How a Karpenter pool turns the pool's instance types into NodePool requirements.</summary>
public enum KarpenterInstanceSelection
{
    /// <summary>
    /// The families of the listed types (e.g. <c>g4dn</c>) with the GPU counts they have: Karpenter may
    /// pick any size of those families with that many GPUs, whichever is cheapest for the pending pods.
    /// </summary>
    Family,

    /// <summary>Exactly the listed instance types.</summary>
    Types,
}

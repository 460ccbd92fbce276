namespace GpuSlicingInfra.Components.Gpu;

/// <summary>What adds nodes to a GPU pool.</summary>
public enum NodeProvisioner
{
    /// <summary>An EKS managed node group with fixed min/desired/max sizes.</summary>
    ManagedNodeGroup,

    /// <summary>A Karpenter NodePool that adds and consolidates nodes on demand.</summary>
    Karpenter,

    /// <summary>Both: the managed node group keeps a baseline, Karpenter adds bursts.</summary>
    Both,
}

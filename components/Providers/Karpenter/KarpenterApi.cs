namespace GpuSlicingInfra.Components.Providers.Karpenter;

/// <summary>API versions and kinds of the Karpenter custom resources (provider v1.14).</summary>
internal static class KarpenterApi
{
    /// <summary><c>karpenter.sh/v1</c>: NodePool.</summary>
    public const string NodePoolApiVersion = "karpenter.sh/v1";

    /// <summary><c>karpenter.k8s.aws/v1</c>: EC2NodeClass.</summary>
    public const string NodeClassApiVersion = "karpenter.k8s.aws/v1";

    /// <summary><c>karpenter.sh/v1alpha1</c>: NodeOverlay (alpha, behind a feature gate).</summary>
    public const string NodeOverlayApiVersion = "karpenter.sh/v1alpha1";

    /// <summary>The API group of EC2NodeClass, used in a NodePool's <c>nodeClassRef</c>.</summary>
    public const string NodeClassGroup = "karpenter.k8s.aws";

    /// <summary>Kind of a NodePool.</summary>
    public const string NodePoolKind = "NodePool";

    /// <summary>Kind of an EC2NodeClass.</summary>
    public const string NodeClassKind = "EC2NodeClass";

    /// <summary>Kind of a NodeOverlay.</summary>
    public const string NodeOverlayKind = "NodeOverlay";
}

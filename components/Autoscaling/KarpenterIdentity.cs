namespace GpuSlicingInfra.Components.Autoscaling;

/// <summary>How the Karpenter controller's service account gets its IAM role.</summary>
public enum KarpenterIdentity
{
    /// <summary>EKS Pod Identity: the agent add-on and a pod identity association (no OIDC provider).</summary>
    PodIdentity,

    /// <summary>IAM roles for service accounts: the cluster's OIDC provider and a role annotation.</summary>
    Irsa,
}

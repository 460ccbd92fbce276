namespace GpuSlicingInfra.Components.Components;

/// <summary>
/// Kubernetes versions EKS supports (standard or extended support) that this product is tested
/// with — the one list the version setting is validated against (CKV_AWS_339).
/// </summary>
public static class KubernetesVersions
{
    /// <summary>Supported versions, oldest first.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["1.31", "1.32", "1.33", "1.34", "1.35"];

    /// <summary>The version new stacks get.</summary>
    public const string Default = "1.34";
}

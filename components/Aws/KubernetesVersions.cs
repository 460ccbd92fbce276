namespace GpuSlicingInfra.Components.Aws;

/// <summary>
/// The Kubernetes versions this product accepts, with their Amazon EKS support calendar: the one table the
/// version setting, the AMI alias check and the plan's control-plane price read. A minor version has 14
/// months of standard support from its EKS release, then 12 months of extended support at a higher price
/// (https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html; dates as of 2026-11-29,
/// cross-checked with <c>aws eks describe-cluster-versions</c> as published). 1.31 left extended support on
/// 2026-11-26 and is no longer accepted. Karpenter 1.14 supports all of them (its compatibility matrix).
/// </summary>
public static class KubernetesVersions
{
    /// <summary>Accepted versions, oldest first.</summary>
    public static IReadOnlyList<KubernetesVersionSupport> Calendar { get; } =
    [
        new("1.32", new(2025, 1, 23), new(2026, 3, 23), new(2027, 3, 23)),
        new("1.33", new(2025, 5, 29), new(2026, 7, 29), new(2027, 7, 29)),
        new("1.34", new(2025, 10, 2), new(2026, 12, 2), new(2027, 12, 2)),
        new("1.35", new(2026, 1, 27), new(2027, 3, 27), new(2028, 3, 27)),
        new("1.36", new(2026, 6, 2), new(2027, 8, 2), new(2028, 8, 2)),
    ];

    /// <summary>Accepted versions, oldest first.</summary>
    public static IReadOnlyList<string> Supported { get; } = [.. Calendar.Select(v => v.Version)];

    /// <summary>The version new stacks get: the newest, with the longest standard support ahead.</summary>
    public const string Default = "1.36";

    /// <summary>The calendar entry of <paramref name="version"/>, or null when it is not accepted.</summary>
    public static KubernetesVersionSupport? Find(string version) => Calendar.FirstOrDefault(v => v.Version == version);
}

namespace GpuSlicingInfra.Components.Aws;

/// <summary>One Kubernetes minor version on Amazon EKS.</summary>
/// <param name="Version">The minor version, e.g. <c>1.35</c>.</param>
/// <param name="Released">The day EKS made it available (UTC); AMIs for it are dated on or after it.</param>
/// <param name="EndOfStandardSupport">The last day of standard support; extended support starts the day after.</param>
/// <param name="EndOfExtendedSupport">The last day of extended support; EKS then upgrades the cluster itself.</param>
public sealed record KubernetesVersionSupport(string Version, DateOnly Released, DateOnly EndOfStandardSupport, DateOnly EndOfExtendedSupport)
{
    /// <summary>The support phase on <paramref name="day"/>.</summary>
    public KubernetesSupportPhase PhaseOn(DateOnly day) =>
        day <= EndOfStandardSupport ? KubernetesSupportPhase.Standard
        : day <= EndOfExtendedSupport ? KubernetesSupportPhase.Extended
        : KubernetesSupportPhase.Ended;
}

/// <summary>Where a version stands in the EKS calendar.</summary>
public enum KubernetesSupportPhase
{
    /// <summary>Standard support, at the standard control-plane price.</summary>
    Standard,

    /// <summary>Extended support, at the extended control-plane price.</summary>
    Extended,

    /// <summary>Past extended support: EKS upgrades such clusters and creates no new ones.</summary>
    Ended,
}

using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Review.Cost;

namespace GpuSlicingInfra.Review.Plan;

/// <summary>
/// Warns when the cluster's Kubernetes version is in extended support (the control plane costs six times
/// the standard price) or leaves standard support within <see cref="NoticeDays"/> days.
/// </summary>
public sealed class KubernetesSupportWarnings : IPlanWarningRule
{
    /// <summary>The warning code.</summary>
    public const string Code = "kubernetes-support";

    /// <summary>How far ahead (days) the end of standard support is announced: time for one upgrade cycle.</summary>
    public const int NoticeDays = 90;

    /// <inheritdoc />
    public IEnumerable<PlanWarning> Check(PlanContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The version each eks:Cluster of the program pins; one outside the calendar has no dates to warn about.
        foreach (var warning in context.Program.OfType("eks:Cluster").Select(c => c.Text("version")).OfType<string>()
            .Select(KubernetesVersions.Find).OfType<KubernetesVersionSupport>().SelectMany(v => Check(v, context)))
        {
            yield return warning;
        }
    }

    private static IEnumerable<PlanWarning> Check(KubernetesVersionSupport version, PlanContext context)
    {
        var key = context.Context.KeyPath($"Cluster.{nameof(ClusterOptions.KubernetesVersion)}");
        var extra = HourlyRates.EksControlPlaneExtendedSupportUsd - HourlyRates.EksControlPlaneUsd;
        var next = KubernetesVersions.Calendar.SkipWhile(v => v.Version != version.Version).Skip(1).FirstOrDefault();
        var upgrade = next is null ? "" : $" Upgrade to {next.Version}.";
        var days = version.EndOfStandardSupport.DayNumber - context.Today.DayNumber;
        switch (version.PhaseOn(context.Today))
        {
            case KubernetesSupportPhase.Standard when days <= NoticeDays:
                yield return new(Code,
                    $"Kubernetes {version.Version} leaves standard support on {version.EndOfStandardSupport:yyyy-MM-dd} (in {days} days); then the control plane costs ${HourlyRates.EksControlPlaneExtendedSupportUsd:0.00}/h instead of ${HourlyRates.EksControlPlaneUsd:0.00}/h (${HourlyRates.Monthly(extra):0}/month more).{upgrade}",
                    key);
                break;
            case KubernetesSupportPhase.Extended:
                yield return new(Code,
                    $"Kubernetes {version.Version} is in extended support until {version.EndOfExtendedSupport:yyyy-MM-dd}: the control plane costs ${HourlyRates.EksControlPlaneExtendedSupportUsd:0.00}/h instead of ${HourlyRates.EksControlPlaneUsd:0.00}/h (${HourlyRates.Monthly(extra):0}/month more).{upgrade}",
                    key);
                break;
            case KubernetesSupportPhase.Ended:
                yield return new(Code,
                    $"Kubernetes {version.Version} left extended support on {version.EndOfExtendedSupport:yyyy-MM-dd}: EKS creates no new cluster with it and upgrades existing ones.{upgrade}",
                    key);
                break;
        }
    }
}

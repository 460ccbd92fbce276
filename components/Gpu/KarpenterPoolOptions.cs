using System.Text.RegularExpressions;
using GpuSlicingInfra.Components.Autoscaling;

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>
/// How a GPU pool gets nodes from a Karpenter NodePool, which adds and consolidates them on demand.
/// Present on <see cref="GpuPoolOptions.Karpenter"/> when Karpenter provides the pool's nodes.
/// </summary>
public sealed partial record KarpenterPoolOptions
{
    /// <summary>The node limit when neither <see cref="MaxNodes"/> nor a managed node group's maximum gives one.</summary>
    internal const int DefaultMaxNodes = 2;

    /// <summary>How the pool handles time-slicing in Karpenter's simulation. Default: overlay-shared (needs a renaming profile).</summary>
    public KarpenterMode Mode { get; init; } = KarpenterMode.OverlayShared;

    /// <summary>How <see cref="GpuPoolOptions.InstanceTypes"/> become NodePool requirements. Default: their families with their GPU counts.</summary>
    public KarpenterInstanceSelection InstanceSelection { get; init; } = KarpenterInstanceSelection.Family;

    /// <summary>
    /// Most nodes the NodePool may have (<c>limits.nodes</c>). Default: the pool's
    /// <see cref="ManagedNodeGroupOptions.MaxSize"/> when it also has a node group, else <see cref="DefaultMaxNodes"/>.
    /// </summary>
    public int? MaxNodes { get; init; }

    /// <summary>Most vCPUs the NodePool may have (<c>limits.cpu</c>). Default: max nodes × the largest allowed instance's vCPUs.</summary>
    public int? MaxCpu { get; init; }

    /// <summary>Which nodes consolidation may remove or replace. Default: empty or underutilized ones.</summary>
    public KarpenterConsolidationPolicy ConsolidationPolicy { get; init; } = KarpenterConsolidationPolicy.WhenEmptyOrUnderutilized;

    /// <summary>
    /// How long after a pod lands on or leaves a node Karpenter waits before the node may be consolidated; long for
    /// GPUs to damp churn. <see cref="Timeout.InfiniteTimeSpan"/> writes <c>Never</c>, which turns consolidation off
    /// for the pool (Karpenter v1.14 docs, concepts/nodepools.md). Default: 10 minutes.
    /// </summary>
    public TimeSpan ConsolidateAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether consolidation is off for the pool (<see cref="ConsolidateAfter"/> is infinite).</summary>
    public bool NeverConsolidates => ConsolidateAfter == Timeout.InfiniteTimeSpan;

    /// <summary>Node lifetime before Karpenter replaces it (fresh AMIs, no drift). Default: 720 hours.</summary>
    public TimeSpan ExpireAfter { get; init; } = TimeSpan.FromHours(720);

    /// <summary>Most nodes disrupted at once: a count or a percentage. Default: <c>10%</c>.</summary>
    public string DisruptionBudget { get; init; } = "10%";

    /// <summary>Every problem with these options, each naming the field; <paramref name="maxNodes"/> is the limit in effect.</summary>
    internal IEnumerable<ArgsProblem> Validate(int maxNodes)
    {
        if (maxNodes is < 1 or > 1000)
        {
            yield return new(nameof(MaxNodes), $"{maxNodes} must be between 1 and 1000 (bounded spend, security rule 17).");
        }
        if (MaxCpu is < 1)
        {
            yield return new(nameof(MaxCpu), $"{MaxCpu} must be at least 1.");
        }
        if (ConsolidateAfter < TimeSpan.Zero && !NeverConsolidates)
        {
            yield return new(nameof(ConsolidateAfter), "must not be negative.");
        }
        if (ExpireAfter < TimeSpan.FromHours(1))
        {
            yield return new(nameof(ExpireAfter), $"{GoDuration.Format(ExpireAfter)} is shorter than an hour; GPU nodes would churn.");
        }
        if (!DisruptionBudgetShape().IsMatch(DisruptionBudget))
        {
            yield return new(nameof(DisruptionBudget), $"'{DisruptionBudget}' must be a node count (e.g. 1) or a percentage (e.g. 10%).");
        }
    }

    [GeneratedRegex(@"\A((100|[0-9]{1,2})%|[0-9]+)\z")]
    private static partial Regex DisruptionBudgetShape();
}

using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Review.Plan;
using GpuSlicingInfra.Stacks.Settings;

namespace GpuSlicingInfra.Stacks.StackReview;

/// <summary>
/// The Karpenter component's plan warnings: <see cref="KarpenterWarnings.For"/> (over-buying in plain
/// mode, an alpha NodeOverlay, an unpinned AMI in prod, Karpenter on but unused), each with its config key.
/// </summary>
/// <param name="settings">The stack's validated settings, which this warning reads.</param>
public sealed class KarpenterPlanWarnings(StackSettings settings) : IPlanWarningRule
{
    /// <summary>The code of every warning of this rule.</summary>
    public const string Code = "karpenter";

    /// <inheritdoc />
    public IEnumerable<PlanWarning> Check(PlanContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return KarpenterWarnings.For(settings.Platform).Select(w => new PlanWarning(Code, Subject(w.Field) + w.Message, SettingsBinder.ToKeyPath(w.Field)));
    }

    // "GpuPools[t4].KarpenterMode" → "pool t4: "; platform-wide fields read as "karpenter: ".
    private static string Subject(string field)
    {
        var open = field.IndexOf('[', StringComparison.Ordinal);
        return open < 0 ? "karpenter: " : $"pool {field[(open + 1)..field.IndexOf(']', StringComparison.Ordinal)]}: ";
    }
}

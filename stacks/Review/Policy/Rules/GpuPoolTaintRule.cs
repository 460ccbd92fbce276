using System.Text.Json.Nodes;

namespace GpuSlicingInfra.Stacks.Review.Policy.Rules;

/// <summary>GSI001: every GPU node group carries the <c>nvidia.com/gpu</c> NoSchedule taint, so only GPU pods land there (security.md #16).</summary>
public sealed class GpuPoolTaintRule : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "GSI001";

    /// <inheritdoc />
    public override string Title => "GPU node groups are tainted nvidia.com/gpu:NoSchedule";

    /// <inheritdoc />
    public override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var group in context.GpuNodeGroups)
        {
            var tainted = group.Node("taints") is JsonArray taints && taints.OfType<JsonObject>().Any(t =>
                t["key"]?.GetValue<string>() == "nvidia.com/gpu" && t["effect"]?.GetValue<string>() == "NO_SCHEDULE");
            if (!tainted)
            {
                yield return Error($"GPU node group '{group.Name}' has no nvidia.com/gpu NoSchedule taint: any pod could land on its GPU nodes (security.md #16, GPU isolation).",
                    PolicyContext.KeyPathOf(group), group.Name);
            }
        }
    }
}

using System.Text.Json.Nodes;

namespace GpuSlicingInfra.Review.Policy.Rules;

/// <summary>
/// GSI001: every GPU node group and every Karpenter NodePool (all of them launch GPU nodes) carries the
/// <c>nvidia.com/gpu</c> NoSchedule taint, so only GPU pods land there (security.md #16). Node groups spell
/// the effect <c>NO_SCHEDULE</c> (EKS API), NodePools <c>NoSchedule</c> (Kubernetes).
/// </summary>
public sealed class GpuPoolTaintRule : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "GSI001";

    /// <inheritdoc />
    public override string Title => "GPU node groups and Karpenter NodePools are tainted nvidia.com/gpu:NoSchedule";

    /// <inheritdoc />
    public override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var group in context.GpuNodeGroups)
        {
            if (!HasGpuTaint(group.Node("taints"), "NO_SCHEDULE"))
            {
                yield return Error($"GPU node group '{group.Name}' has no nvidia.com/gpu NoSchedule taint: any pod could land on its GPU nodes (security.md #16, GPU isolation).",
                    context.KeyPathOf(group), group.Name);
            }
        }
        foreach (var pool in context.NodePools)
        {
            if (!HasGpuTaint(pool.Node("spec", "template", "spec", "taints"), "NoSchedule"))
            {
                yield return Error($"Karpenter NodePool '{pool.Name}' has no nvidia.com/gpu NoSchedule taint in spec.template.spec.taints: any pending pod could make Karpenter launch a GPU node for it (security.md #16, GPU isolation).",
                    context.KeyPathOfKarpenter(pool), pool.Name);
            }
        }
    }

    private static bool HasGpuTaint(JsonNode? taints, string effect) => taints is JsonArray list && list.OfType<JsonObject>().Any(t =>
        t["key"]?.GetValue<string>() == "nvidia.com/gpu" && t["effect"]?.GetValue<string>() == effect);
}

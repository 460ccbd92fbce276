using System.Text.Json.Nodes;

namespace GpuSlicingInfra.Review.Policy.Rules;

/// <summary>
/// GSI011: spend is bounded (security.md #17). Every Karpenter NodePool sets <c>limits.cpu</c> and a limit
/// on its GPUs: <c>nvidia.com/gpu</c>, or <c>nodes</c> (which binds for every mode: a renaming pool's nodes
/// stop counting <c>nvidia.com/gpu</c> once they initialize, so only <c>nodes</c> or
/// <c>nvidia.com/gpu.shared</c> hold there); every managed node group sets a max size.
/// </summary>
public sealed class NodePoolLimitsRule : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "GSI011";

    /// <inheritdoc />
    public override string Title => "Bounded spend: NodePool limits on cpu and nodes (or nvidia.com/gpu); node group max size set";

    /// <inheritdoc />
    public override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var pool in context.NodePools)
        {
            var limits = pool.Node("spec", "limits") as JsonObject ?? [];
            var missing = new List<string>();
            if (!IsPositive(limits["cpu"]))
            {
                missing.Add("cpu");
            }
            if (!IsPositive(limits["nodes"]) && !IsPositive(limits["nvidia.com/gpu"]))
            {
                missing.Add("nodes (or nvidia.com/gpu)");
            }
            if (missing.Count > 0)
            {
                yield return Error($"Karpenter NodePool '{pool.Name}' sets no limit on {string.Join(" and ", missing)}: it could launch GPU nodes without bound (spec.limits; security.md #17).",
                    context.KeyPathOfKarpenter(pool), pool.Name);
            }
        }
        foreach (var group in context.NodeGroups)
        {
            if (!IsPositive(group.Node("scalingConfig", "maxSize")))
            {
                yield return Error($"node group '{group.Name}' sets no max size (scalingConfig.maxSize; security.md #17).", context.KeyPathOf(group), group.Name);
            }
        }
    }

    // Kubernetes quantities: a plain count ("3") or a CPU quantity ("192", "1000m").
    private static bool IsPositive(JsonNode? value)
    {
        var text = value is JsonValue v ? v.GetValue<string>() : null;
        if (text is null)
        {
            return false;
        }
        text = text.EndsWith('m') ? text[..^1] : text;
        return decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0;
    }
}

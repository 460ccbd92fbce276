using System.Text.Json.Nodes;
using GpuSlicingInfra.Components;

namespace GpuSlicingInfra.Review.Policy.Rules;

/// <summary>
/// GSI013 (warning): a Karpenter NodePool whose nodes share GPUs (profile replicas &gt; 1) but which no
/// NodeOverlay targets is in plain mode: Karpenter's simulation counts physical GPUs, so N pending pods buy
/// N GPUs although each serves several; the extra nodes join empty and are consolidated away (karpenter.md).
/// </summary>
public sealed class KarpenterPlainModeRule : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "GSI013";

    /// <inheritdoc />
    public override string Title => "Karpenter pools with shared GPUs have a NodeOverlay (plain mode over-buys: warning)";

    /// <inheritdoc />
    public override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var overlaid = context.NodeOverlays
            .SelectMany(o => (o.Node("spec", "requirements") as JsonArray ?? []).OfType<JsonObject>())
            .Where(r => r["key"]?.GetValue<string>() == WellKnownKeys.NodePoolLabel && r["operator"]?.GetValue<string>() == "In")
            .SelectMany(r => (r["values"] as JsonArray ?? []).Select(v => v?.GetValue<string>()))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var pool in context.NodePools)
        {
            var name = pool.Text("metadata", "name") ?? pool.Name;
            var profile = pool.Text("spec", "template", "metadata", "labels", WellKnownKeys.DevicePluginConfigLabel);
            if (overlaid.Contains(name) || profile is null || context.SlicesPerGpu(profile, pool) is not ({ } slices and > 1))
            {
                continue;
            }
            yield return Warning($"Karpenter NodePool '{pool.Name}' shares each GPU {slices} ways (profile {profile}) but no NodeOverlay targets it (plain mode): N pending pods buy N GPUs, and the extra nodes join empty and are consolidated away; and a pod asking for more slices than an instance has physical GPUs (in one container, or one in each of several) stays Pending (aws/karpenter-provider-aws#9070); use karpenterMode overlay-override or overlay-shared.",
                context.KeyPathOfKarpenter(pool, "KarpenterMode"), pool.Name);
        }
    }
}

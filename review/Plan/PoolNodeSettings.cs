using System.Text.Json.Nodes;
using GpuSlicingInfra.Review.Cost;

namespace GpuSlicingInfra.Review.Plan;

/// <summary>
/// The labels and taints a pool's nodes get, as the program declares them: what a live node of the pool must carry.
/// A pool with both provisioners has one set per provisioner (a node group's and a NodePool template's may differ).
/// </summary>
/// <param name="Pool">Pool name, as in <see cref="PoolPlan.Pool"/>.</param>
/// <param name="ManagedNodeGroup">The node group's labels and taints; null without a node group.</param>
/// <param name="Karpenter">The NodePool template's labels and taints; null without a NodePool.</param>
/// <param name="NodePoolName">The NodePool's <c>metadata.name</c> (Karpenter labels its nodes <c>karpenter.sh/nodepool</c> with it); null without one.</param>
public sealed record PoolNodeSettings(string Pool, NodeSettings? ManagedNodeGroup, NodeSettings? Karpenter, string? NodePoolName)
{
    /// <summary>Every GPU pool of <paramref name="program"/>, in the order and under the names of <see cref="PlanBuilder.Build"/>'s pools.</summary>
    public static IReadOnlyList<PoolNodeSettings> Of(ProgramSnapshot program, ReviewContext context)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(context);
        var prices = new CatalogPriceSource(context.PriceOverrides, context.InstanceCatalog);
        return [.. ProgramPool.All(program, prices, context.InstanceCatalog).Select(p => p.NodeSettings)];
    }
}

/// <summary>Labels and taints one provisioner puts on a pool's nodes.</summary>
/// <param name="Labels">Node labels by key.</param>
/// <param name="Taints">Node taints, effects as Kubernetes spells them (<c>NoSchedule</c>).</param>
public sealed record NodeSettings(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<NodeTaint> Taints)
{
    /// <summary>A managed node group's <c>labels</c> and <c>taints</c> (EKS spells effects <c>NO_SCHEDULE</c>).</summary>
    internal static NodeSettings OfNodeGroup(ProgramResource group) => new(LabelsIn(group.Node("labels")), TaintsIn(group.Node("taints")));

    /// <summary>A NodePool's <c>spec.template</c> labels and taints.</summary>
    internal static NodeSettings OfNodePool(ProgramResource nodePool) =>
        new(LabelsIn(nodePool.Node("spec", "template", "metadata", "labels")), TaintsIn(nodePool.Node("spec", "template", "spec", "taints")));

    private static SortedDictionary<string, string> LabelsIn(JsonNode? labels) => new(
        (labels as JsonObject ?? []).Where(l => l.Value is JsonValue).ToDictionary(l => l.Key, l => l.Value!.GetValue<string>()), StringComparer.Ordinal);

    private static List<NodeTaint> TaintsIn(JsonNode? taints) => [.. (taints as JsonArray ?? []).OfType<JsonObject>().Select(t => new NodeTaint(
        t["key"]?.GetValue<string>() ?? "", t["value"]?.GetValue<string>(), KubernetesEffect(t["effect"]?.GetValue<string>() ?? "")))];

    // The EKS API's taint effects (NO_SCHEDULE, NO_EXECUTE, PREFER_NO_SCHEDULE) are the node's NoSchedule, NoExecute, PreferNoSchedule.
    private static string KubernetesEffect(string effect) => effect switch
    {
        "NO_SCHEDULE" => "NoSchedule",
        "NO_EXECUTE" => "NoExecute",
        "PREFER_NO_SCHEDULE" => "PreferNoSchedule",
        _ => effect,
    };
}

/// <summary>A node taint.</summary>
/// <param name="Key">Taint key.</param>
/// <param name="Value">Taint value; null when none.</param>
/// <param name="Effect"><c>NoSchedule</c>, <c>PreferNoSchedule</c> or <c>NoExecute</c>.</param>
public sealed record NodeTaint(string Key, string? Value, string Effect)
{
    /// <summary>As <c>kubectl describe node</c> prints it: <c>key=value:Effect</c>.</summary>
    public override string ToString() => Value is null ? $"{Key}:{Effect}" : $"{Key}={Value}:{Effect}";
}

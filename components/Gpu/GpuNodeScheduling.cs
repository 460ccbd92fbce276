using GpuSlicingInfra.Components.Providers.Kubernetes;

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>
/// How a chart's pods are placed on the GPU nodes and only there: the node affinity on the label every GPU pool
/// sets, and tolerations for the pools' NoSchedule taints.
/// </summary>
internal static class GpuNodeScheduling
{
    /// <summary>Required node affinity: <c>nvidia.com/gpu.present In [true]</c>.</summary>
    public static Affinity OnGpuNodes { get; } = new(new NodeAffinity(new NodeSelector(
        [new NodeSelectorTerm([new NodeSelectorRequirement(WellKnownKeys.GpuPresentLabel, "In", ["true"])])])));

    /// <summary>One <c>Exists</c> toleration of effect NoSchedule per taint key, without repeats, in the given order.</summary>
    public static IReadOnlyList<Toleration> Tolerating(IEnumerable<string> taintKeys) =>
        [.. taintKeys.Distinct(StringComparer.Ordinal).Select(k => new Toleration { Key = k, Operator = "Exists", Effect = "NoSchedule" })];
}

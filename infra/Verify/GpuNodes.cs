using GpuSlicingInfra.Components;
using k8s.Models;

namespace GpuSlicingInfra.Cli.Verify;

/// <summary>The cluster's GPU nodes: labelled <c>nvidia.com/gpu.present=true</c> (every pool sets it) or held by a pool of the program.</summary>
internal static class GpuNodes
{
    public static IReadOnlyList<V1Node> Of(ExpectedCluster expected, ClusterState cluster) =>
        [.. cluster.Nodes.Where(n => Labels(n).GetValueOrDefault(WellKnownKeys.GpuPresentLabel) == "true" || expected.Pools.Any(p => p.Holds(Labels(n))))
            .OrderBy(n => n.Metadata?.Name, StringComparer.Ordinal)];

    /// <summary>A node's labels (none when it has none).</summary>
    public static Dictionary<string, string> Labels(V1Node node) => new(node.Metadata?.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal);

    /// <summary>Pods a DaemonSet owns (by owner reference).</summary>
    public static IEnumerable<V1Pod> OwnedBy(ClusterState cluster, string? ns, string? daemonSet) =>
        cluster.Pods.Where(p => p.Metadata?.NamespaceProperty == ns && (p.Metadata?.OwnerReferences ?? []).Any(o => o.Kind == "DaemonSet" && o.Name == daemonSet));

    /// <summary>Whether the pod's Ready condition is True.</summary>
    public static bool Ready(V1Pod pod) => (pod.Status?.Conditions ?? []).Any(c => c.Type == "Ready" && c.Status == "True");
}

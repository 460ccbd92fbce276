using GpuSlicingInfra.Components;
using k8s.Models;

namespace GpuSlicingInfra.Cli.Verify;

/// <summary>
/// Unscheduled pods that ask for GPU resources, each with the first reason found in one line: it asks for
/// <c>nvidia.com/gpu</c> on a pool that renames it, it does not tolerate the pool's taint, it asks for more than a node
/// of the pool has, or the pool's NodePool is at its node limit. A pod with none of these is a note (Karpenter may be
/// adding a node).
/// </summary>
internal static class PendingPodChecks
{
    public static IEnumerable<VerifyFinding> Run(ExpectedCluster expected, ClusterState cluster)
    {
        foreach (var pod in cluster.Pods.Where(p => p.Status?.Phase == "Pending" && string.IsNullOrEmpty(p.Spec?.NodeName))
            .OrderBy(p => p.Metadata?.NamespaceProperty, StringComparer.Ordinal).ThenBy(p => p.Metadata?.Name, StringComparer.Ordinal))
        {
            var asks = GpuRequests.Of(pod);
            if (asks.Count == 0)
            {
                continue;
            }
            var subject = $"pod {pod.Metadata?.NamespaceProperty}/{pod.Metadata?.Name}";
            var asked = string.Join(", ", asks.Select(a => $"{a.Value} {a.Key}"));
            var reason = Reason(expected, cluster, pod, asks);
            yield return reason is null
                ? VerifyFinding.Note("pending-pod", subject, $"Pending, asks for {asked}; no blocking reason found (Karpenter may be adding a node)")
                : VerifyFinding.Mismatch("pending-pod", subject, $"Pending: {reason}");
        }
    }

    private static string? Reason(ExpectedCluster expected, ClusterState cluster, V1Pod pod, IReadOnlyDictionary<string, long> asks)
    {
        var selected = SelectedPool(pod);
        var pools = selected is not null
            ? expected.Pools.Where(p => p.Plan.Pool == selected).ToList()
            : expected.Pools.Where(p => asks.Keys.Any(r => Offers(p, r))).ToList();
        if (selected is not null && pools.Count == 0)
        {
            return $"selects pool {selected} ({WellKnownKeys.PoolLabel}), which the program does not declare";
        }
        if (pools.Count == 0)
        {
            // Nothing offers what it asks for: the common case is nvidia.com/gpu where every sharing pool renames it.
            var renamed = asks.ContainsKey(WellKnownKeys.GpuResource) ? expected.Pools.FirstOrDefault(p => p.Renamed) : null;
            return renamed is not null ? Renamed(renamed) : $"no pool advertises {string.Join(", ", asks.Keys)}";
        }
        // Reasons for the first pool that could take it; a pod that fits one pool is not blocked by another.
        var reasons = pools.Select(p => PoolReason(expected, cluster, pod, asks, p)).ToList();
        return reasons.Any(r => r is null) ? null : reasons[0];
    }

    private static string? PoolReason(ExpectedCluster expected, ClusterState cluster, V1Pod pod, IReadOnlyDictionary<string, long> asks, ExpectedPool pool)
    {
        if (pool.Renamed && asks.ContainsKey(WellKnownKeys.GpuResource))
        {
            return Renamed(pool);
        }
        var taints = new[] { pool.Settings.ManagedNodeGroup, pool.Settings.Karpenter }.OfType<Review.Plan.NodeSettings>()
            .SelectMany(s => s.Taints).Where(t => t.Effect is "NoSchedule" or "NoExecute");
        if (taints.FirstOrDefault(t => !Tolerations.Tolerates(pod.Spec?.Tolerations, t)) is { } taint)
        {
            return $"no toleration for taint {taint} of pool {pool.Plan.Pool}";
        }
        var perNode = MostPerNode(expected, cluster, pool);
        if (asks.FirstOrDefault(a => perNode.TryGetValue(a.Key, out var most) && a.Value > most) is { Key: not null } tooMany)
        {
            return $"asks for {tooMany.Value} {tooMany.Key}, more than a node of pool {pool.Plan.Pool} has ({perNode[tooMany.Key]})";
        }
        if (pool.Plan.Karpenter is { MaxNodes: > 0 } karpenter && pool.Settings.NodePoolName is { } nodePool)
        {
            var claims = (cluster.NodeClaims ?? []).Count(c => c.Labels.GetValueOrDefault(WellKnownKeys.NodePoolLabel) == nodePool);
            if (claims >= karpenter.MaxNodes)
            {
                return $"pool {pool.Plan.Pool} is at its Karpenter limit ({claims} of {karpenter.MaxNodes} nodes, NodePool {nodePool} limits.nodes)";
            }
        }
        return null;
    }

    // The most a node of the pool can offer per resource: over its live nodes, and its plan's slices per node.
    private static Dictionary<string, long> MostPerNode(ExpectedCluster expected, ClusterState cluster, ExpectedPool pool)
    {
        var sizes = cluster.Nodes.Where(n => pool.Holds(GpuNodes.Labels(n)))
            .Select(n => pool.GpusOn(GpuNodes.Labels(n).GetValueOrDefault(WellKnownKeys.InstanceTypeLabel), expected.Catalog))
            .Append(pool.Plan.GpusPerNode)
            .Concat(pool.Plan.InstanceTypes.Select(t => pool.GpusOn(t, expected.Catalog)));
        return pool.Allocatable(sizes.Max()).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
    }

    private static bool Offers(ExpectedPool pool, string resource) =>
        pool.MigMixed ? resource.StartsWith(WellKnownKeys.MigResourcePrefix, StringComparison.Ordinal) : pool.Plan.ResourceName == resource;

    private static string Renamed(ExpectedPool pool) =>
        $"asks for {WellKnownKeys.GpuResource}, but pool {pool.Plan.Pool} advertises {WellKnownKeys.SharedGpuResource} (profile {pool.Plan.Profile} renames it): ask for {WellKnownKeys.SharedGpuResource}";

    // The pool a pod pins itself to: nodeSelector, or a required node affinity term with In on the pool label.
    private static string? SelectedPool(V1Pod pod)
    {
        if (pod.Spec?.NodeSelector?.TryGetValue(WellKnownKeys.PoolLabel, out var pool) == true)
        {
            return pool;
        }
        return (pod.Spec?.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms ?? [])
            .SelectMany(t => t.MatchExpressions ?? [])
            .FirstOrDefault(e => e.Key == WellKnownKeys.PoolLabel && e.OperatorProperty == "In" && e.Values?.Count == 1)?.Values[0];
    }
}

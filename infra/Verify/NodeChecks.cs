using System.Globalization;
using GpuSlicingInfra.Components;
using k8s.Models;

namespace GpuSlicingInfra.Cli.Verify;

/// <summary>Per pool: its nodes, and on each node the allocatable GPU resources, the labels and taints it should carry, and the config GFD says it loaded.</summary>
internal static class NodeChecks
{
    public static IEnumerable<VerifyFinding> Run(ExpectedCluster expected, ClusterState cluster)
    {
        foreach (var pool in expected.Pools)
        {
            var nodes = cluster.Nodes.Where(n => pool.Holds(GpuNodes.Labels(n))).OrderBy(n => n.Metadata?.Name, StringComparer.Ordinal).ToList();
            yield return Count(pool, nodes.Count);
            foreach (var node in nodes)
            {
                var problems = Node(expected, pool, node).ToList();
                foreach (var problem in problems)
                {
                    yield return problem;
                }
                if (problems.Count == 0)
                {
                    yield return VerifyFinding.Ok("node", $"node {node.Metadata?.Name}", Summary(expected, pool, node));
                }
            }
        }
    }

    private static VerifyFinding Count(ExpectedPool pool, int found)
    {
        var subject = $"pool {pool.Plan.Pool}";
        var wanted = pool.Plan.ManagedNodeGroup?.Min ?? 0;
        if (found < wanted)
        {
            return VerifyFinding.Mismatch("nodes", subject, $"{found} node{S(found)} found, the node group's minimum is {wanted} (nodes labelled {WellKnownKeys.PoolLabel}={pool.Plan.Pool})");
        }
        return found == 0
            ? VerifyFinding.Note("nodes", subject, "no nodes: Karpenter adds them when pods ask for the pool's GPUs")
            : VerifyFinding.Ok("nodes", subject, $"{found} node{S(found)}");
    }

    private static IEnumerable<VerifyFinding> Node(ExpectedCluster expected, ExpectedPool pool, V1Node node)
    {
        var labels = GpuNodes.Labels(node);
        var subject = $"node {node.Metadata?.Name}";
        var gpus = pool.GpusOn(labels.GetValueOrDefault(WellKnownKeys.InstanceTypeLabel), expected.Catalog);
        foreach (var (resource, count) in pool.Allocatable(gpus))
        {
            var live = Quantity(node, resource);
            if (live != count)
            {
                yield return VerifyFinding.Mismatch("allocatable", subject,
                    $"allocatable {resource} is {live?.ToString(CultureInfo.InvariantCulture) ?? "absent"}, expected {count} ({Explain(pool, gpus)}, pool {pool.Plan.Pool})");
            }
        }
        // A renaming profile advertises only the shared name: a node that still offers nvidia.com/gpu loaded another config.
        if (pool.Renamed && Quantity(node, WellKnownKeys.GpuResource) is > 0 and var whole)
        {
            yield return VerifyFinding.Mismatch("allocatable", subject,
                $"allocatable {WellKnownKeys.GpuResource} is {whole}, expected none: profile {pool.Plan.Profile} renames it to {WellKnownKeys.SharedGpuResource} (pool {pool.Plan.Pool})");
        }
        if (pool.SettingsFor(labels) is { } settings)
        {
            foreach (var (key, value) in settings.Labels.Where(l => labels.GetValueOrDefault(l.Key) != l.Value))
            {
                yield return VerifyFinding.Mismatch("labels", subject, labels.TryGetValue(key, out var live)
                    ? $"label {key} is {live}, the pool sets {value} (pool {pool.Plan.Pool})"
                    : $"label {key}={value} missing (pool {pool.Plan.Pool})");
            }
            foreach (var taint in settings.Taints.Where(t => !(node.Spec?.Taints ?? []).Any(l => l.Key == t.Key && l.Effect == t.Effect && (l.Value ?? "") == (t.Value ?? ""))))
            {
                yield return VerifyFinding.Mismatch("taints", subject, $"taint {taint} missing (pool {pool.Plan.Pool})");
            }
        }
        if (expected.Release?.GfdDaemonSet is not null)
        {
            foreach (var finding in GfdConfig(pool, labels, subject))
            {
                yield return finding;
            }
        }
    }

    // GFD labels the node from the config the plugin loaded: another replicas or strategy means another profile is in effect.
    private static IEnumerable<VerifyFinding> GfdConfig(ExpectedPool pool, Dictionary<string, string> labels, string subject)
    {
        var expected = pool.Plan.Strategy == "mig"
            ? new Dictionary<string, string> { [GfdLabels.MigStrategy] = pool.MigMixed ? "mixed" : "single" }
            : new Dictionary<string, string>
            {
                [GfdLabels.Replicas] = pool.Plan.Replicas.ToString(CultureInfo.InvariantCulture),
                [GfdLabels.SharingStrategy] = GfdLabels.StrategyValue(pool.Plan.Strategy),
            };
        foreach (var (key, value) in expected.Where(e => labels.GetValueOrDefault(e.Key) != e.Value))
        {
            yield return VerifyFinding.Mismatch("gfd-config", subject, labels.TryGetValue(key, out var live)
                ? $"GFD reports {key}={live}, profile {pool.Plan.Profile} sets {value}: the node loaded another config (pool {pool.Plan.Pool})"
                : $"GFD label {key} missing (profile {pool.Plan.Profile} sets {value}): GFD has not labelled the node (pool {pool.Plan.Pool})");
        }
    }

    private static string Summary(ExpectedCluster expected, ExpectedPool pool, V1Node node)
    {
        var type = GpuNodes.Labels(node).GetValueOrDefault(WellKnownKeys.InstanceTypeLabel);
        var gpus = pool.GpusOn(type, expected.Catalog);
        var resources = string.Join(", ", pool.Allocatable(gpus).Select(r => $"{r.Key} {r.Value}"));
        return $"pool {pool.Plan.Pool}{(type is null ? "" : $", {type}")}: {resources} = {Explain(pool, gpus)}; labels and taints as declared" +
            (expected.Release?.GfdDaemonSet is null ? "" : $"; GFD: {GfdSummary(pool)}");
    }

    private static string GfdSummary(ExpectedPool pool) => pool.Plan.Strategy == "mig"
        ? $"MIG {(pool.MigMixed ? "mixed" : "single")}"
        : $"{pool.Plan.Replicas} replica{S(pool.Plan.Replicas)}, {GfdLabels.StrategyValue(pool.Plan.Strategy)}";

    private static string Explain(ExpectedPool pool, int gpus) => pool.Plan.Strategy switch
    {
        "none" => $"{gpus} GPU{S(gpus)}, not shared",
        "mig" => $"{gpus} GPU{S(gpus)} × {pool.Plan.Replicas} (MIG devices × replicas)",
        _ => $"{gpus} GPU{S(gpus)} × {pool.Plan.Replicas} replicas",
    };

    /// <summary>A node's allocatable count of <paramref name="resource"/>; null when it does not advertise it.</summary>
    public static long? Quantity(V1Node node, string resource) =>
        node.Status?.Allocatable is { } allocatable && allocatable.TryGetValue(resource, out var quantity)
            && long.TryParse(quantity.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    private static string S(int n) => n == 1 ? "" : "s";
}

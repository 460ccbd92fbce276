using k8s.Models;

namespace GpuSlicingInfra.Cli.Verify;

/// <summary>What verify read from the cluster. A Karpenter list is null when the API server does not serve that resource (no CRD).</summary>
/// <param name="Server">The API server's URL.</param>
/// <param name="Nodes">Every node.</param>
/// <param name="Pods">Every pod, all namespaces.</param>
/// <param name="DaemonSets">Every DaemonSet, all namespaces.</param>
/// <param name="NodePools">karpenter.sh NodePools; empty when the program has none.</param>
/// <param name="NodeClaims">karpenter.sh NodeClaims; empty when the program has no NodePool.</param>
/// <param name="NodeOverlays">karpenter.sh NodeOverlays; empty when the program has none.</param>
internal sealed record ClusterState(
    string Server,
    IReadOnlyList<V1Node> Nodes,
    IReadOnlyList<V1Pod> Pods,
    IReadOnlyList<V1DaemonSet> DaemonSets,
    IReadOnlyList<KarpenterObject>? NodePools,
    IReadOnlyList<KarpenterObject>? NodeClaims,
    IReadOnlyList<KarpenterObject>? NodeOverlays);

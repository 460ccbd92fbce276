using k8s.Models;

namespace GpuSlicingInfra.Cli.Verify;

/// <summary>The program's device plugin and GFD DaemonSets: present, with a Ready pod on every GPU node.</summary>
internal static class PluginPodChecks
{
    public static IEnumerable<VerifyFinding> Run(ExpectedCluster expected, ClusterState cluster)
    {
        if (expected.Release is not { } release)
        {
            yield break;
        }
        var gpuNodes = GpuNodes.Of(expected, cluster);
        foreach (var (daemonSet, what) in new[] { (release.PluginDaemonSet, "device plugin"), (release.GfdDaemonSet, "GFD") })
        {
            if (daemonSet is null)
            {
                continue;
            }
            var subject = $"daemonset {release.Namespace}/{daemonSet}";
            if (!cluster.DaemonSets.Any(d => d.Metadata?.NamespaceProperty == release.Namespace && d.Metadata?.Name == daemonSet))
            {
                yield return VerifyFinding.Mismatch("device-plugin", subject, $"{what} DaemonSet not found: is the nvidia-device-plugin release installed?");
                continue;
            }
            var pods = GpuNodes.OwnedBy(cluster, release.Namespace, daemonSet).ToList();
            var failures = gpuNodes.Select(n => Problem(what, n, pods)).OfType<VerifyFinding>().ToList();
            foreach (var failure in failures)
            {
                yield return failure;
            }
            if (failures.Count == 0)
            {
                yield return VerifyFinding.Ok("device-plugin", subject, $"{what} pod Ready on {(gpuNodes.Count == 1 ? "the 1 GPU node" : $"all {gpuNodes.Count} GPU nodes")}");
            }
        }
    }

    private static VerifyFinding? Problem(string what, V1Node node, List<V1Pod> pods)
    {
        var name = node.Metadata?.Name;
        var pod = pods.FirstOrDefault(p => p.Spec?.NodeName == name);
        if (pod is null)
        {
            return VerifyFinding.Mismatch("device-plugin", $"node {name}", $"no {what} pod on this GPU node");
        }
        return GpuNodes.Ready(pod) ? null
            : VerifyFinding.Mismatch("device-plugin", $"node {name}", $"{what} pod {pod.Metadata?.NamespaceProperty}/{pod.Metadata?.Name} is not Ready ({Why(pod)})");
    }

    // The first waiting or terminated container's reason, else the phase: what `kubectl get pod` shows in STATUS.
    private static string Why(V1Pod pod)
    {
        var state = (pod.Status?.ContainerStatuses ?? []).Select(c => c.State?.Waiting?.Reason ?? c.State?.Terminated?.Reason).FirstOrDefault(r => r is not null);
        return state ?? $"phase {pod.Status?.Phase ?? "unknown"}";
    }
}

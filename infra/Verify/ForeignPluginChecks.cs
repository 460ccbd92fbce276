using k8s.Models;

namespace GpuSlicingInfra.Cli.Verify;

/// <summary>
/// Another NVIDIA device plugin on the GPU nodes: two plugins advertise <c>nvidia.com/gpu</c> on one node and overwrite
/// each other's counts. Common ones are the static manifest's <c>kube-system/nvidia-device-plugin-daemonset</c>
/// (NVIDIA/k8s-device-plugin v0.20.0, deployments/static/nvidia-device-plugin.yml), another Helm release of the chart, and
/// the GPU Operator's <c>gpu-operator/nvidia-device-plugin-daemonset</c>. A DaemonSet counts as a device plugin when its
/// name holds <c>nvidia-device-plugin</c> or a container runs the <c>k8s-device-plugin</c> image, GFD and the MPS control daemon (same image) aside.
/// </summary>
internal static class ForeignPluginChecks
{
    public static IEnumerable<VerifyFinding> Run(ExpectedCluster expected, ClusterState cluster)
    {
        var gpuNodes = GpuNodes.Of(expected, cluster).Select(n => n.Metadata?.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var daemonSet in cluster.DaemonSets.Where(IsDevicePlugin)
            .Where(d => expected.Release?.Owns(d.Metadata?.NamespaceProperty, d.Metadata?.Name) != true)
            .OrderBy(d => d.Metadata?.NamespaceProperty, StringComparer.Ordinal).ThenBy(d => d.Metadata?.Name, StringComparer.Ordinal))
        {
            var nodes = GpuNodes.OwnedBy(cluster, daemonSet.Metadata?.NamespaceProperty, daemonSet.Metadata?.Name)
                .Select(p => p.Spec?.NodeName).Where(n => n is not null && gpuNodes.Contains(n)).Distinct().Order(StringComparer.Ordinal).ToList();
            if (nodes.Count > 0)
            {
                yield return VerifyFinding.Mismatch("foreign-device-plugin", $"daemonset {daemonSet.Metadata?.NamespaceProperty}/{daemonSet.Metadata?.Name}",
                    $"another device plugin runs on GPU node{(nodes.Count == 1 ? "" : "s")} {string.Join(", ", nodes)}: two plugins advertise {Components.WellKnownKeys.GpuResource} and fight; remove it");
            }
        }
    }

    private static bool IsDevicePlugin(V1DaemonSet daemonSet)
    {
        var name = daemonSet.Metadata?.Name ?? "";
        if (name.Contains("gpu-feature-discovery", StringComparison.Ordinal) || name.Contains("mps-control-daemon", StringComparison.Ordinal))
        {
            return false;
        }
        return name.Contains("nvidia-device-plugin", StringComparison.Ordinal)
            || (daemonSet.Spec?.Template?.Spec?.Containers ?? []).Any(c => (c.Image ?? "").Contains("/k8s-device-plugin", StringComparison.Ordinal));
    }
}

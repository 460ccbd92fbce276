using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Monitoring;

namespace GpuSlicingInfra.Components.Platform;

/// <summary>
/// Pods on a GPU node: the instance type's limit (<see cref="GpuInstanceType.MaxPods"/>) less the DaemonSet pods the
/// platform puts on every GPU node, and the slices a node advertises, which must fit in what is left.
/// </summary>
public static class GpuNodePods
{
    /// <summary>
    /// The DaemonSets the platform runs on a pool's GPU nodes, by name: the EKS add-ons that tolerate every taint
    /// (<c>aws-node</c> of the VPC CNI, <c>kube-proxy</c>, <c>eks-pod-identity-agent</c> when Karpenter uses Pod
    /// Identity), the device plugin, with GPU Feature Discovery its <c>gpu-feature-discovery</c> and NFD's
    /// <c>nfd-worker</c> (both tolerate the GPU taint, NvidiaDevicePlugin), the DCGM exporter when it is on, and the MPS
    /// control daemon on MPS pools.
    /// </summary>
    public static IReadOnlyList<string> DaemonSets(GpuSlicingPlatformOptions platform, SharingProfileOptions profile)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(profile);
        var names = new List<string> { "aws-node", "kube-proxy" };
        if (platform.Karpenter.Enabled && platform.Karpenter.Identity == KarpenterIdentity.PodIdentity)
        {
            names.Add(KarpenterIam.PodIdentityAgentAddon);
        }
        names.Add("nvidia-device-plugin");
        if (platform.DevicePlugin.GpuFeatureDiscovery)
        {
            names.AddRange(["gpu-feature-discovery", "nfd-worker"]);
        }
        if (platform.DcgmExporter.Enabled)
        {
            names.Add(DcgmExporter.ChartName);
        }
        if (profile.Strategy == SharingStrategy.Mps)
        {
            names.Add("nvidia-device-plugin-mps-control-daemon");
        }
        return names;
    }

    /// <summary>
    /// Slices one node of <paramref name="type"/> advertises under <paramref name="profile"/>: GPUs × slices per GPU.
    /// The one place that number is computed for the pod check and the plan.
    /// </summary>
    public static int SlicesPerNode(GpuInstanceType type, SharingProfileOptions profile)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(profile);
        return type.GpuCount * profile.SlicesPerGpu(type);
    }

    /// <summary>Pods left for workloads on a node of <paramref name="type"/>: its max pods less the DaemonSet pods.</summary>
    public static int WorkloadPods(GpuInstanceType type, int daemonSets)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Math.Max(0, type.MaxPods - daemonSets);
    }

    /// <summary>
    /// A problem, on the pool's <c>InstanceTypes</c>, for every type the pool can get (its own and, for Karpenter, the
    /// ones its NodePool allows) whose node advertises more slices than it can hold pods: the slices beyond stay Pending.
    /// </summary>
    internal static IEnumerable<ArgsProblem> Problems(GpuSlicingPlatformOptions platform, GpuPoolOptions pool, SharingProfileOptions profile)
    {
        var daemonSets = DaemonSets(platform, profile);
        IEnumerable<GpuInstanceType> types = pool.ResolvedInstanceTypes;
        if (pool.UsesKarpenter)
        {
            types = types.Concat(KarpenterPoolDesign.AllowedInstanceTypes(pool));
        }
        foreach (var type in types.DistinctBy(t => t.Name).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var slices = SlicesPerNode(type, profile);
            var room = WorkloadPods(type, daemonSets.Count);
            if (slices > room)
            {
                yield return new(nameof(GpuPoolOptions.InstanceTypes),
                    $"a {type.Name} node advertises {slices} slices ({type.GpuCount} GPU × {profile.SlicesPerGpu(type)} of profile '{profile.Name}') but holds at most {room} workload pods: {type.MaxPods} pods (VPC CNI limit) less {daemonSets.Count} DaemonSet pods ({string.Join(", ", daemonSets)}). Use fewer replicas or a type with more pods.");
            }
        }
    }
}

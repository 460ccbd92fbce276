using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Kubernetes;

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>
/// The NVIDIA device plugin: its namespace, the time-slicing ConfigMap (one key per sharing profile)
/// and the Helm release pinned to a chart version, running only on GPU nodes.
/// </summary>
public sealed class NvidiaDevicePlugin
{
    /// <summary>Chart repository.</summary>
    public const string ChartRepository = "https://nvidia.github.io/k8s-device-plugin";

    /// <summary>Chart name.</summary>
    public const string ChartName = "nvidia-device-plugin";

    /// <summary>Name of the ConfigMap holding the profiles.</summary>
    public const string ConfigMapName = "nvidia-device-plugin-config";

    /// <summary>Pod annotation carrying the config digest.</summary>
    public const string ChecksumAnnotation = "gpu-slicing-infra/config-checksum";

    /// <summary>Adds the namespace (<c>{name}-namespace</c>), ConfigMap (<c>{name}-config</c>) and release (<c>{name}</c>).</summary>
    /// <param name="program">The program to add to.</param>
    /// <param name="name">The logical name prefix.</param>
    /// <param name="cluster">
    /// The cluster, deployed to through its Kubernetes provider. A created <see cref="Aws.Cluster"/> needs its provider
    /// and system node group added first: the chart's NFD master and GFD controllers schedule there, and the atomic release
    /// waits for them, so it must not start before those nodes exist.
    /// </param>
    /// <param name="options">What the user chose.</param>
    /// <param name="extraTolerationKeys">
    /// Taint keys (NoSchedule) the plugin, GFD and NFD workers tolerate besides <c>nvidia.com/gpu</c>: those the
    /// GPU pools add, e.g. the shared-GPU taint of overlay-shared Karpenter pools. Without them the plugin never
    /// runs on those nodes, so they never advertise GPUs.
    /// </param>
    public NvidiaDevicePlugin(PulumiProgram program, string name, GpuCluster cluster,
        NvidiaDevicePluginOptions options, IReadOnlyList<string> extraTolerationKeys)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(extraTolerationKeys);
        ArgsValidationException.ThrowIfAny(nameof(NvidiaDevicePluginOptions), options.Validate());
        using var component = program.BeginComponent(nameof(NvidiaDevicePlugin), name);
        var withProvider = new ResourceOptions { Provider = cluster.KubernetesProvider };
        // Fixed metadata.name / release name: a replacement reuses the name, so create-before-delete would collide.
        var fixedName = withProvider with { DeleteBeforeReplace = true };

        var ns = new K8sNamespace(program, $"{name}-namespace", new NamespaceArgs
        {
            Metadata = new ObjectMeta { Name = options.Namespace },
        }, fixedName);

        var data = DevicePluginConfig.RenderAll(options.Profiles);
        ConfigMap = new ConfigMap(program, $"{name}-config", new ConfigMapArgs
        {
            Metadata = new ObjectMeta { Name = ConfigMapName, Namespace = options.Namespace },
            Data = data,
        }, fixedName with { DependsOn = [ns] });

        var gpuTolerations = GpuNodeScheduling.Tolerating([WellKnownKeys.GpuTaintKey, .. extraTolerationKeys]);
        Release = new HelmRelease(program, name, new HelmReleaseArgs
        {
            Name = ChartName,
            Chart = ChartName,
            Version = options.ChartVersion,
            RepositoryOpts = new HelmRepositoryOptsArgs(ChartRepository),
            Namespace = options.Namespace,
            Atomic = true,
            CleanupOnFail = true,
            Timeout = 600,
            MaxHistory = 10,
            Values = new DevicePluginChartValues
            {
                Config = new DevicePluginConfigValues(ConfigMapName, options.DefaultProfile),
                Gfd = new EnabledValue(options.GpuFeatureDiscovery),
                // The chart's NFD workers tolerate only nvidia.com/gpu=present; our taint value is "true".
                Nfd = new NfdValues(new NfdWorkerValues(gpuTolerations)),
                Affinity = GpuNodeScheduling.OnGpuNodes,
                Tolerations = [.. gpuTolerations, new Toleration { Key = "CriticalAddonsOnly", Operator = "Exists" }],
                PriorityClassName = "system-node-critical",
                PodAnnotations = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    [ChecksumAnnotation] = DevicePluginConfig.Checksum(data),
                },
            },
        // The chart's cluster-scoped objects (ClusterRole, ClusterRoleBinding) are named after the release
        // too, so even a replacement into another namespace collides unless the old release goes first.
        }, fixedName with { DependsOn = [ConfigMap, .. cluster.ControllerPrerequisites] });
    }

    /// <summary>The time-slicing ConfigMap.</summary>
    internal ConfigMap ConfigMap { get; }

    /// <summary>The Helm release.</summary>
    internal HelmRelease Release { get; }
}

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
    public NvidiaDevicePlugin(PulumiProgram program, string name, NvidiaDevicePluginArgs args)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(args);
        ArgsValidationException.ThrowIfAny(nameof(NvidiaDevicePluginArgs), args.Validate());
        var provider = args.Provider ?? throw new ArgumentException("NvidiaDevicePluginArgs.Provider must be wired.", nameof(args));
        var systemNodes = args.SystemNodeGroup ?? throw new ArgumentException("NvidiaDevicePluginArgs.SystemNodeGroup must be wired.", nameof(args));
        var withProvider = new ResourceOptions { Provider = provider };
        // Fixed metadata.name / release name: a replacement reuses the name, so create-before-delete would collide.
        var fixedName = withProvider with { DeleteBeforeReplace = true };

        var ns = new K8sNamespace(program, $"{name}-namespace", new NamespaceArgs
        {
            Metadata = new ObjectMeta { Name = args.Namespace },
        }, fixedName);

        var data = DevicePluginConfig.RenderAll(args.Profiles);
        ConfigMap = new ConfigMap(program, $"{name}-config", new ConfigMapArgs
        {
            Metadata = new ObjectMeta { Name = ConfigMapName, Namespace = args.Namespace },
            Data = data,
        }, fixedName with { DependsOn = [ns] });

        var gpuToleration = new Toleration { Key = WellKnownKeys.GpuTaintKey, Operator = "Exists", Effect = "NoSchedule" };
        // Without these the plugin never runs on nodes with extra GPU taints, so they never advertise GPUs.
        Toleration[] gpuTolerations = [gpuToleration, .. args.ExtraTolerationKeys.Select(k => new Toleration { Key = k, Operator = "Exists", Effect = "NoSchedule" })];
        Release = new HelmRelease(program, name, new HelmReleaseArgs
        {
            Name = ChartName,
            Chart = ChartName,
            Version = args.ChartVersion,
            RepositoryOpts = new HelmRepositoryOptsArgs(ChartRepository),
            Namespace = args.Namespace,
            Atomic = true,
            CleanupOnFail = true,
            Timeout = 600,
            MaxHistory = 10,
            Values = new DevicePluginChartValues
            {
                Config = new DevicePluginConfigValues(ConfigMapName, args.DefaultProfile),
                Gfd = new EnabledValue(args.GpuFeatureDiscovery),
                // The chart's NFD workers tolerate only nvidia.com/gpu=present; our taint value is "true".
                Nfd = new NfdValues(new NfdWorkerValues(gpuTolerations)),
                Affinity = new Affinity(new NodeAffinity(new NodeSelector(
                    [new NodeSelectorTerm([new NodeSelectorRequirement(WellKnownKeys.GpuPresentLabel, "In", ["true"])])]))),
                Tolerations = [.. gpuTolerations, new Toleration { Key = "CriticalAddonsOnly", Operator = "Exists" }],
                PriorityClassName = "system-node-critical",
                PodAnnotations = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    [ChecksumAnnotation] = DevicePluginConfig.Checksum(data),
                },
            },
        // The chart's cluster-scoped objects (ClusterRole, ClusterRoleBinding) are named after the release
        // too, so even a replacement into another namespace collides unless the old release goes first.
        }, fixedName with { DependsOn = [ConfigMap, systemNodes] });
    }

    /// <summary>The time-slicing ConfigMap.</summary>
    internal ConfigMap ConfigMap { get; }

    /// <summary>The Helm release.</summary>
    internal HelmRelease Release { get; }
}

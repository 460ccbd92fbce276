using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Kubernetes;

namespace GpuSlicingInfra.Components.Monitoring;

/// <summary>
/// NVIDIA's DCGM exporter (chart <c>dcgm-exporter</c>, pinned): a DaemonSet on the GPU nodes that serves each physical
/// GPU's utilization, memory, temperature and power for Prometheus, with a ServiceMonitor when the cluster runs the
/// Prometheus Operator. DCGM measures per physical GPU (or MIG device), not per pod: under time-slicing the pods of one
/// GPU share one series.
/// </summary>
public sealed class DcgmExporter
{
    /// <summary>Chart repository.</summary>
    public const string ChartRepository = "https://nvidia.github.io/dcgm-exporter/helm-charts";

    /// <summary>Chart name.</summary>
    public const string ChartName = "dcgm-exporter";

    /// <summary>Adds the namespace (<c>{name}-namespace</c>) and the Helm release (<c>{name}</c>).</summary>
    /// <param name="program">The program to add to.</param>
    /// <param name="name">The logical name prefix.</param>
    /// <param name="kubernetesProvider">The cluster's Kubernetes provider.</param>
    /// <param name="options">What the user chose; <see cref="DcgmExporterOptions.Enabled"/> must be on.</param>
    /// <param name="gpuTaintKeys">The NoSchedule taint keys of the GPU pools, all tolerated so every GPU node is measured.</param>
    /// <exception cref="ArgsValidationException">The options are invalid or the exporter is not enabled.</exception>
    public DcgmExporter(PulumiProgram program, string name, Resource kubernetesProvider, DcgmExporterOptions options, IReadOnlyList<string> gpuTaintKeys)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(kubernetesProvider);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gpuTaintKeys);
        ArgsValidationException.ThrowIfAny(nameof(DcgmExporterOptions), options.Validate());
        if (!options.Enabled)
        {
            throw new ArgsValidationException(nameof(DcgmExporterOptions), [new(nameof(DcgmExporterOptions.Enabled), "the exporter is off; add it only when enabled.")]);
        }
        using var component = program.BeginComponent(nameof(DcgmExporter), name);
        // Fixed metadata.name / release name: a replacement reuses the name, so the old one goes first.
        var fixedName = new ResourceOptions { Provider = kubernetesProvider, DeleteBeforeReplace = true };
        Namespace = new K8sNamespace(program, $"{name}-namespace", new NamespaceArgs
        {
            Metadata = new ObjectMeta { Name = options.Namespace },
        }, fixedName);

        _ = new HelmRelease(program, name, new HelmReleaseArgs
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
            Values = new DcgmExporterChartValues
            {
                Affinity = GpuNodeScheduling.OnGpuNodes,
                Tolerations = GpuNodeScheduling.Tolerating(gpuTaintKeys),
                // values.yaml enables the ServiceMonitor by default; without the Prometheus Operator's CRD the install fails.
                ServiceMonitor = new DcgmServiceMonitorValues(options.PrometheusOperator, HonorLabels: true),
                ExtraEnv = PodMapping,
            },
        }, fixedName with { DependsOn = [Namespace] });
    }

    // So that each series names the pod using the GPU (dcgm-exporter 4.8.2, pkg/cmd/app.go and
    // internal/pkg/transformation/kubernetes.go): KUBERNETES_VIRTUAL_GPUS maps every pod of a time-sliced or MPS GPU
    // (off by default: one pod per GPU), and the exporter maps only pods asking for nvidia.com/gpu or MIG resources
    // unless NVIDIA_RESOURCE_NAMES names the others, such as a renaming profile's nvidia.com/gpu.shared.
    private static readonly IReadOnlyList<DcgmEnvVar> PodMapping =
    [
        new("KUBERNETES_VIRTUAL_GPUS", "true"),
        new("NVIDIA_RESOURCE_NAMES", WellKnownKeys.SharedGpuResource),
    ];

    /// <summary>The exporter's namespace (<c>{name}-namespace</c>), for objects that go beside it.</summary>
    public Resource Namespace { get; }
}

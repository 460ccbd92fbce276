using GpuSlicingInfra.Components.Providers.Kubernetes;

namespace GpuSlicingInfra.Components.Monitoring;

/// <summary>The values of the <c>dcgm-exporter</c> chart this product sets (keys as in its deployment/values.yaml).</summary>
internal sealed record DcgmExporterChartValues
{
    /// <summary>Node affinity: GPU nodes only (the chart's default runs everywhere).</summary>
    public required Affinity Affinity { get; init; }

    /// <summary>Tolerations: the GPU taints of the pools.</summary>
    public required IReadOnlyList<Toleration> Tolerations { get; init; }

    /// <summary>The ServiceMonitor switch.</summary>
    public required DcgmServiceMonitorValues ServiceMonitor { get; init; }

    /// <summary>Environment of the exporter's container (the chart's <c>extraEnv</c>).</summary>
    public required IReadOnlyList<DcgmEnvVar> ExtraEnv { get; init; }
}

/// <summary><c>serviceMonitor</c> values.</summary>
/// <param name="Enabled">Whether the chart creates its ServiceMonitor.</param>
/// <param name="HonorLabels">
/// Whether Prometheus keeps the exporter's own <c>pod</c> and <c>namespace</c> labels (the workload's) rather than renaming
/// them <c>exported_pod</c>/<c>exported_namespace</c> in favour of the exporter pod's (chart default: false).
/// </param>
internal sealed record DcgmServiceMonitorValues(bool Enabled, bool HonorLabels);

/// <summary>One environment variable of <c>extraEnv</c>.</summary>
internal sealed record DcgmEnvVar(string Name, string Value);

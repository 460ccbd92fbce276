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
}

/// <summary><c>serviceMonitor</c> values.</summary>
/// <param name="Enabled">Whether the chart creates its ServiceMonitor.</param>
internal sealed record DcgmServiceMonitorValues(bool Enabled);

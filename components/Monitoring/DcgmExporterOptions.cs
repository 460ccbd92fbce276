using GpuSlicingInfra.Components.Gpu;

namespace GpuSlicingInfra.Components.Monitoring;

/// <summary>Options of <see cref="DcgmExporter"/>: NVIDIA's DCGM exporter, GPU metrics for Prometheus.</summary>
public sealed record DcgmExporterOptions
{
    /// <summary>
    /// The chart version this release pins: dcgm-exporter 4.8.2 (NVIDIA/dcgm-exporter tag 4.5.3-4.8.2,
    /// deployment/Chart.yaml).
    /// </summary>
    public const string DefaultChartVersion = "4.8.2";

    /// <summary>Deploy the exporter on the GPU nodes. Default: off.</summary>
    public bool Enabled { get; init; }

    /// <summary>
    /// The cluster runs the Prometheus Operator, so the chart's ServiceMonitor has a CRD to land in. Default: off, and
    /// then no ServiceMonitor is created (the chart's own default creates one, which fails without the CRD).
    /// </summary>
    public bool PrometheusOperator { get; init; }

    /// <summary>
    /// Add the GPU dashboard as a ConfigMap that Grafana's dashboard sidecar loads (<see cref="GrafanaDashboard"/>).
    /// Needs the exporter. Default: off.
    /// </summary>
    public bool GrafanaDashboard { get; init; }

    /// <summary>
    /// Namespace of the dashboard's ConfigMap, for a Grafana sidecar that watches only its own namespace (the grafana
    /// chart's default). It must exist already. Default: null, the exporter's <see cref="Namespace"/>.
    /// </summary>
    public string? GrafanaDashboardNamespace { get; init; }

    /// <summary>Namespace of the exporter. Default: <c>dcgm-exporter</c>.</summary>
    public string Namespace { get; init; } = "dcgm-exporter";

    /// <summary>Pinned chart version (exact semver). Default: <see cref="DefaultChartVersion"/>.</summary>
    public string ChartVersion { get; init; } = DefaultChartVersion;

    /// <summary>Every problem with these options, each naming the field.</summary>
    public IReadOnlyList<ArgsProblem> Validate()
    {
        var problems = new List<ArgsProblem>();
        if (!Naming.IsDnsLabel(Namespace))
        {
            problems.Add(new(nameof(Namespace), $"'{Namespace}' is not a valid namespace name."));
        }
        if (!NvidiaDevicePluginOptions.ExactVersion().IsMatch(ChartVersion))
        {
            problems.Add(new(nameof(ChartVersion), $"'{ChartVersion}' must be an exact version such as {DefaultChartVersion} (pinned charts only)."));
        }
        if (PrometheusOperator && !Enabled)
        {
            problems.Add(new(nameof(PrometheusOperator), "a ServiceMonitor is only created for the DCGM exporter: turn dcgmExporter on, or leave this off."));
        }
        if (GrafanaDashboard && !Enabled)
        {
            problems.Add(new(nameof(GrafanaDashboard), "the dashboard charts the DCGM exporter's metrics: turn dcgmExporter on, or leave this off."));
        }
        if (GrafanaDashboardNamespace is { } dashboardNamespace && !Naming.IsDnsLabel(dashboardNamespace))
        {
            problems.Add(new(nameof(GrafanaDashboardNamespace), $"'{dashboardNamespace}' is not a valid namespace name."));
        }
        if (GrafanaDashboardNamespace is not null && !GrafanaDashboard)
        {
            problems.Add(new(nameof(GrafanaDashboardNamespace), "it places the Grafana dashboard: turn grafanaDashboard on, or leave this out."));
        }
        return problems;
    }
}

using GpuSlicingInfra.Components.Monitoring;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Stacks.Settings;

/// <summary>
/// Binds <c>monitoring</c> (<c>dcgmExporter</c>, <c>prometheusOperator</c>, <c>grafanaDashboard</c>,
/// <c>grafanaDashboardNamespace</c>) to <see cref="DcgmExporterOptions"/>;
/// the exporter's namespace and chart version keep their defaults.
/// </summary>
internal static class MonitoringBinder
{
    public static DcgmExporterOptions Bind(SettingsObject? section)
    {
        var defaults = new DcgmExporterOptions();
        if (section is null)
        {
            return defaults;
        }
        var options = new DcgmExporterOptions
        {
            Enabled = section.Bool("dcgmExporter", defaults.Enabled),
            PrometheusOperator = section.Bool("prometheusOperator", defaults.PrometheusOperator),
            GrafanaDashboard = section.Bool("grafanaDashboard", defaults.GrafanaDashboard),
            GrafanaDashboardNamespace = section.StringOrNull("grafanaDashboardNamespace"),
        };
        section.Finish();
        return options;
    }
}

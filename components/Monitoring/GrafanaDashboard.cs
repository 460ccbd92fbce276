using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Kubernetes;

namespace GpuSlicingInfra.Components.Monitoring;

/// <summary>
/// The GPU dashboard as a ConfigMap that Grafana's dashboard sidecar loads: per pool, slices allocatable against
/// requested, utilization and framebuffer memory per physical GPU, pods per GPU, and a note on what DCGM cannot
/// see under time-slicing.
/// </summary>
public sealed class GrafanaDashboard
{
    /// <summary>
    /// The label the sidecar looks for: key <c>grafana_dashboard</c> is the grafana chart's default
    /// (charts/grafana/values.yaml, <c>sidecar.dashboards.label</c>); that chart accepts any value, and
    /// kube-prometheus-stack sets <c>labelValue: "1"</c>, so "1" suits both.
    /// </summary>
    public static readonly KeyValuePair<string, string> SidecarLabel = new("grafana_dashboard", "1");

    /// <summary>The ConfigMap's key: the sidecar writes each key as a file, and Grafana loads the <c>.json</c> ones.</summary>
    public const string FileName = "gpu-slicing-infra-gpus.json";

    /// <summary>Adds the ConfigMap (<c>{name}</c>).</summary>
    /// <param name="program">The program to add to.</param>
    /// <param name="name">The logical name.</param>
    /// <param name="kubernetesProvider">The cluster's Kubernetes provider.</param>
    /// <param name="options">The exporter's options; <see cref="DcgmExporterOptions.GrafanaDashboard"/> must be on.</param>
    /// <param name="exporter">The exporter, whose namespace holds the ConfigMap unless the options name another.</param>
    /// <param name="pools">The GPU pools, each shown in its own row.</param>
    /// <param name="profiles">The sharing profiles, for the resources each pool advertises.</param>
    /// <exception cref="ArgsValidationException">The options are invalid or the dashboard is not enabled.</exception>
    public GrafanaDashboard(PulumiProgram program, string name, Resource kubernetesProvider, DcgmExporterOptions options, DcgmExporter exporter,
        IReadOnlyList<GpuPoolOptions> pools, IReadOnlyList<SharingProfileOptions> profiles)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(kubernetesProvider);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(exporter);
        ArgumentNullException.ThrowIfNull(pools);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgsValidationException.ThrowIfAny(nameof(DcgmExporterOptions), options.Validate());
        if (!options.GrafanaDashboard)
        {
            throw new ArgsValidationException(nameof(DcgmExporterOptions), [new(nameof(DcgmExporterOptions.GrafanaDashboard), "the dashboard is off; add it only when enabled.")]);
        }
        using var component = program.BeginComponent(nameof(GrafanaDashboard), name);
        var byName = profiles.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var shown = pools.OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new DashboardPool(p.Name, p.Profile, Resources(p, byName[p.Profile]), byName[p.Profile].Strategy == SharingStrategy.Mig))
            .ToList();
        _ = new ConfigMap(program, name, new ConfigMapArgs
        {
            Metadata = new ObjectMeta
            {
                Namespace = options.GrafanaDashboardNamespace ?? options.Namespace,
                Labels = new Dictionary<string, string> { [SidecarLabel.Key] = SidecarLabel.Value },
            },
            Data = new SortedDictionary<string, string>(StringComparer.Ordinal) { [FileName] = GrafanaDashboardJson.Render(shown) },
        }, new ResourceOptions { Provider = kubernetesProvider, DependsOn = [exporter.Namespace] });
    }

    // Every resource any of the pool's instance types advertises (MIG mixed: one per MIG profile, no nvidia.com/gpu).
    private static List<string> Resources(GpuPoolOptions pool, SharingProfileOptions profile)
    {
        List<string> advertised = [.. pool.ResolvedInstanceTypes.SelectMany(t => profile.ResourcesPerGpu(t).Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        return advertised.Count > 0 ? advertised : [profile.ResourceName];
    }
}

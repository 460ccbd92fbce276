using System.Text.Json;
using System.Text.RegularExpressions;
using GpuSlicingInfra.Components.Monitoring;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Monitoring;

/// <summary>
/// The Grafana dashboard (issue 17): a ConfigMap the sidecar loads, whose JSON charts every pool with metric names the
/// exporters really publish, and says what DCGM cannot see under time-slicing.
/// </summary>
public sealed partial class GrafanaDashboardTests
{
    // Names as kube-state-metrics publishes them (docs/metrics/cluster/node-metrics.md, docs/metrics/workload/pod-metrics.md).
    private static readonly string[] KubeStateMetrics = ["kube_node_labels", "kube_node_status_allocatable", "kube_pod_container_resource_requests", "kube_pod_status_phase"];

    private static ParsedProgram MonitoringFixture() =>
        new(CliRunner.Run("synth", "--stack", "monitoring", "--project-dir", Path.Combine(RepoPaths.Root, "tests", "GpuSlicingInfra.Tests", "Fixtures", "Stacks")).Stdout);

    private static JsonElement Dashboard(ParsedProgram program) =>
        JsonDocument.Parse(((YamlScalarNode)((YamlMappingNode)ParsedProgram.Node(program.Resource("gpu-dashboard"), "properties.data"))[GrafanaDashboard.FileName]).Value!).RootElement.Clone();

    private static List<JsonElement> Panels(JsonElement dashboard) => [.. dashboard.GetProperty("panels").EnumerateArray()];

    private static IEnumerable<string> Exprs(JsonElement panel) =>
        panel.TryGetProperty("targets", out var targets) ? targets.EnumerateArray().Select(t => t.GetProperty("expr").GetString()!) : [];

    [Fact]
    public void The_config_map_carries_the_sidecar_label_beside_the_exporter()
    {
        var configMap = MonitoringFixture().Resource("gpu-dashboard");

        Assert.Equal("kubernetes:core/v1:ConfigMap", ParsedProgram.Scalar(configMap, "type"));
        Assert.Equal("1", ParsedProgram.Scalar(configMap, "properties.metadata.labels.grafana_dashboard"));
        Assert.Equal("dcgm-exporter", ParsedProgram.Scalar(configMap, "properties.metadata.namespace"));
        Assert.Equal("${dcgm-exporter-namespace}", ParsedProgram.Scalar(configMap, "options.dependsOn.0"));
    }

    [Fact]
    public void Every_pool_gets_its_row_and_panels_filtered_to_its_nodes_and_its_resource()
    {
        var panels = Panels(Dashboard(MonitoringFixture()));

        Assert.Equal(["Pool a10g (profile ts-4)", "Pool t4 (profile ts-4-shared)"],
            panels.Where(p => p.GetProperty("type").GetString() == "row").Select(p => p.GetProperty("title").GetString()));
        var byPool = panels.SelectMany(Exprs).GroupBy(e => PoolFilter().Match(e).Groups[1].Value).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(["a10g", "t4"], byPool.Keys.Order(StringComparer.Ordinal));
        Assert.All(byPool.Values, exprs => Assert.Equal(5, exprs.Count)); // allocatable, requested, utilization, memory, pods
        // The overlay-shared pool advertises nvidia.com/gpu.shared; kube-state-metrics names it nvidia_com_gpu_shared.
        Assert.Contains(byPool["a10g"], e => e.Contains("resource=~\"nvidia_com_gpu\"", StringComparison.Ordinal));
        Assert.Contains(byPool["t4"], e => e.Contains("resource=~\"nvidia_com_gpu_shared\"", StringComparison.Ordinal));
        Assert.Equal(["Framebuffer memory used per physical GPU", "GPU utilization per physical GPU", "Pods per physical GPU", "Slices allocatable vs requested"],
            panels.Where(p => p.GetProperty("type").GetString() == "timeseries").Select(p => p.GetProperty("title").GetString()!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_metric_is_one_the_exporters_publish()
    {
        // The chart's values.yaml lists DCGM's counters in the format of its etc/default-counters.csv.
        var dcgmCounters = File.ReadAllText(RepoPaths.SharedFile("upstream/dcgm-exporter/values.yaml"));
        var names = Panels(Dashboard(MonitoringFixture())).SelectMany(Exprs).SelectMany(e => MetricName().Matches(e).Select(m => m.Value)).ToHashSet();

        Assert.Contains(GrafanaQueries.GpuUtil, names);
        Assert.Contains(GrafanaQueries.FramebufferUsed, names);
        Assert.All(names.Where(n => n.StartsWith("DCGM_", StringComparison.Ordinal)), n => Assert.Contains($"# {n},", dcgmCounters, StringComparison.Ordinal));
        Assert.All(names.Where(n => n.StartsWith("kube_", StringComparison.Ordinal)), n => Assert.Contains(n, KubeStateMetrics));
    }

    [Fact]
    public void A_text_panel_says_that_dcgm_sees_physical_gpus_not_pods()
    {
        var text = Assert.Single(Panels(Dashboard(MonitoringFixture())), p => p.GetProperty("type").GetString() == "text");

        var content = text.GetProperty("options").GetProperty("content").GetString();
        Assert.Contains("DCGM measures each physical GPU", content, StringComparison.Ordinal);
        Assert.Contains("not each pod", content, StringComparison.Ordinal);
        Assert.Contains("--metric-labels-allowlist=nodes=[gpu-slicing-infra/pool]", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Panel_ids_are_unique_and_panels_do_not_overlap()
    {
        var panels = Panels(Dashboard(MonitoringFixture()));
        var cells = new HashSet<(int X, int Y)>();

        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
        foreach (var grid in panels.Select(p => p.GetProperty("gridPos")))
        {
            var (x, y, w, h) = (grid.GetProperty("x").GetInt32(), grid.GetProperty("y").GetInt32(), grid.GetProperty("w").GetInt32(), grid.GetProperty("h").GetInt32());
            Assert.True(x + w <= 24, "Grafana's grid is 24 columns wide");
            foreach (var cell in Enumerable.Range(x, w).SelectMany(cx => Enumerable.Range(y, h).Select(cy => (cx, cy))))
            {
                Assert.True(cells.Add(cell), $"two panels cover column {cell.cx}, row {cell.cy}");
            }
        }
    }

    [Fact]
    public void A_mixed_mig_pool_counts_each_mig_resource_and_charts_engine_activity_per_mig_device()
    {
        var settings = SettingsBinder.Bind(StackFixtures.Inline("""
            config:
              gpu-slicing-infra:monitoring:
                dcgmExporter: true
                grafanaDashboard: true
              gpu-slicing-infra:devicePlugin:
                profiles:
                  mig-balanced:
                    strategy: mig
                    migConfig: all-balanced
                    migStrategy: mixed
              gpu-slicing-infra:gpuPools:
                h100:
                  instanceTypes: [p5.48xlarge]
                  profile: mig-balanced
            """));
        var panels = Panels(Dashboard(TestPrograms.Platform(settings.Platform)));

        // all-balanced on an H100 80GB: 1g.10gb, 2g.20gb and 3g.40gb devices, each its own resource under mixed.
        Assert.Contains(panels.SelectMany(Exprs), e => e.Contains("resource=~\"nvidia_com_mig_1g_10gb|nvidia_com_mig_2g_20gb|nvidia_com_mig_3g_40gb\"", StringComparison.Ordinal));
        // DCGM reports no GPU_UTIL for MIG devices (NVIDIA/dcgm-exporter#216).
        Assert.DoesNotContain(panels.SelectMany(Exprs), e => e.Contains(GrafanaQueries.GpuUtil, StringComparison.Ordinal));
        Assert.Contains(panels.SelectMany(Exprs), e => e.Contains(GrafanaQueries.EngineActive, StringComparison.Ordinal));
        Assert.Contains($"# {GrafanaQueries.EngineActive},", File.ReadAllText(RepoPaths.SharedFile("upstream/dcgm-exporter/values.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Mig_resources_are_named_as_kube_state_metrics_sanitizes_them()
    {
        // internal/store/utils.go SanitizeLabelName: every character outside [a-zA-Z0-9_] becomes '_'.
        Assert.Equal("nvidia_com_mig_1g_10gb", GrafanaQueries.Sanitize("nvidia.com/mig-1g.10gb"));
        Assert.Equal("label_gpu_slicing_infra_pool", GrafanaQueries.PoolLabelName);
    }

    [Fact]
    public void The_namespace_can_be_grafanas_and_the_dashboard_is_off_by_default()
    {
        var settings = SettingsBinder.Bind(StackFixtures.Inline(StackFixtures.MinimalYaml(
            "  gpu-slicing-infra:monitoring:\n    dcgmExporter: true\n    grafanaDashboard: true\n    grafanaDashboardNamespace: monitoring")));
        var off = SettingsBinder.Bind(StackFixtures.Inline(StackFixtures.MinimalYaml("  gpu-slicing-infra:monitoring:\n    dcgmExporter: true")));

        Assert.Equal("monitoring", ParsedProgram.Scalar(TestPrograms.Platform(settings.Platform).Resource("gpu-dashboard"), "properties.metadata.namespace"));
        Assert.DoesNotContain("gpu-dashboard", TestPrograms.Platform(off.Platform).ResourceNames);
    }

    [Theory]
    [InlineData("    grafanaDashboard: true", "gpu-slicing-infra:monitoring.grafanaDashboard", "turn dcgmExporter on")]
    [InlineData("    dcgmExporter: true\n    grafanaDashboard: true\n    grafanaDashboardNamespace: Monitoring", "gpu-slicing-infra:monitoring.grafanaDashboardNamespace", "not a valid namespace")]
    [InlineData("    dcgmExporter: true\n    grafanaDashboardNamespace: monitoring", "gpu-slicing-infra:monitoring.grafanaDashboardNamespace", "turn grafanaDashboard on")]
    public void A_wrong_dashboard_setting_is_refused_at_its_key(string monitoring, string keyPath, string message)
    {
        var problems = Assert.Throws<ConfigException>(() =>
            SettingsBinder.Bind(StackFixtures.Inline(StackFixtures.MinimalYaml("  gpu-slicing-infra:monitoring:\n" + monitoring)))).Problems;

        var problem = Assert.Single(problems);
        Assert.Equal(keyPath, problem.KeyPath);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"label_gpu_slicing_infra_pool=""([a-z0-9-]+)""")]
    private static partial Regex PoolFilter();

    // The two families the dashboard queries; labels and PromQL keywords never start with these prefixes.
    [GeneratedRegex(@"\b(?:DCGM_FI_[A-Z0-9_]+|kube_[a-z_]+)\b")]
    private static partial Regex MetricName();
}

using GpuSlicingInfra.Components.Monitoring;
using GpuSlicingInfra.Components.Platform;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Monitoring;

/// <summary>
/// The DCGM exporter (issue 17's metrics part): off unless asked for, pinned, on GPU nodes only, tolerating every GPU
/// taint, and a ServiceMonitor only where the Prometheus Operator's CRD exists.
/// </summary>
public sealed class DcgmExporterTests
{
    private static ParsedProgram Program(string stack) =>
        new(CliRunner.Run("synth", "--stack", stack, "--project-dir", Path.Combine(RepoPaths.Root, "tests", "GpuSlicingInfra.Tests", "Fixtures", "Stacks")).Stdout);

    [Fact]
    public void It_is_pinned_and_runs_only_on_gpu_nodes_tolerating_both_gpu_taints()
    {
        var release = Program("monitoring").Resource("dcgm-exporter");

        Assert.Equal(("dcgm-exporter", "4.8.2", "https://nvidia.github.io/dcgm-exporter/helm-charts"),
            (ParsedProgram.Scalar(release, "properties.chart"), ParsedProgram.Scalar(release, "properties.version"), ParsedProgram.Scalar(release, "properties.repositoryOpts.repo")));
        var values = ParsedProgram.Node(release, "properties.values");
        var term = ParsedProgram.Node(values, "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms.0.matchExpressions.0");
        Assert.Equal(("nvidia.com/gpu.present", "In", "true"), (ParsedProgram.Scalar(term, "key"), ParsedProgram.Scalar(term, "operator"), ParsedProgram.Scalar(term, "values.0")));
        var tolerations = ((YamlSequenceNode)ParsedProgram.Node(values, "tolerations")).Cast<YamlMappingNode>().Select(t => ParsedProgram.Scalar(t, "key"));
        Assert.Equal(["nvidia.com/gpu", "nvidia.com/gpu.shared"], tolerations);
        Assert.Equal("true", ParsedProgram.Scalar(values, "serviceMonitor.enabled"));
    }

    // dcgm-exporter 4.8.2 maps one pod per GPU unless KUBERNETES_VIRTUAL_GPUS is on, and only pods asking for nvidia.com/gpu
    // (or MIG resources) unless NVIDIA_RESOURCE_NAMES names the renamed one (pkg/cmd/app.go,
    // internal/pkg/transformation/kubernetes.go); under a ServiceMonitor without honorLabels, Prometheus replaces the
    // series' pod and namespace with the exporter's own. Each would leave the dashboard's pods-per-GPU panel at 1.
    [Fact]
    public void Every_pod_sharing_a_gpu_keeps_its_own_pod_label()
    {
        var values = ParsedProgram.Node(Program("monitoring").Resource("dcgm-exporter"), "properties.values");

        var env = ((YamlSequenceNode)ParsedProgram.Node(values, "extraEnv")).Cast<YamlMappingNode>()
            .ToDictionary(e => ParsedProgram.Scalar(e, "name"), e => ParsedProgram.Scalar(e, "value"));
        Assert.Equal("true", env["KUBERNETES_VIRTUAL_GPUS"]);
        Assert.Equal("nvidia.com/gpu.shared", env["NVIDIA_RESOURCE_NAMES"]);
        Assert.Equal("true", ParsedProgram.Scalar(values, "serviceMonitor.honorLabels"));
        // Both keys are the chart's own.
        var upstream = File.ReadAllText(RepoPaths.SharedFile(Path.Combine("upstream", "dcgm-exporter", "values.yaml")));
        Assert.Contains("\nextraEnv: []", upstream, StringComparison.Ordinal);
        Assert.Contains("\n  honorLabels: false", upstream, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_prometheus_operator_no_service_monitor_is_created()
    {
        // The chart's values.yaml enables its ServiceMonitor by default, which fails to install without the CRD.
        var settings = SettingsBinder.Bind(StackFixtures.Inline(StackFixtures.MinimalYaml("  gpu-slicing-infra:monitoring:\n    dcgmExporter: true")));

        var program = TestPrograms.Platform(settings.Platform);

        Assert.Equal("false", ParsedProgram.Scalar(program.Resource("dcgm-exporter"), "properties.values.serviceMonitor.enabled"));
        Assert.Equal(["nvidia.com/gpu"], ((YamlSequenceNode)ParsedProgram.Node(program.Resource("dcgm-exporter"), "properties.values.tolerations"))
            .Cast<YamlMappingNode>().Select(t => ParsedProgram.Scalar(t, "key")));
    }

    [Fact]
    public void It_is_off_by_default_and_its_pods_count_on_gpu_nodes_when_on()
    {
        var off = SettingsBinder.Bind(StackFixtures.Inline(StackFixtures.MinimalYaml()));
        var on = SettingsBinder.Bind(StackFixtures.Inline(StackFixtures.MinimalYaml("  gpu-slicing-infra:monitoring:\n    dcgmExporter: true")));

        Assert.DoesNotContain(TestPrograms.Platform(off.Platform).ResourceNames, n => n.StartsWith("dcgm-exporter", StringComparison.Ordinal));
        Assert.DoesNotContain("dcgm-exporter", GpuNodePods.DaemonSets(off.Platform, off.Platform.DevicePlugin.Profiles.Single()));
        Assert.Contains("dcgm-exporter", GpuNodePods.DaemonSets(on.Platform, on.Platform.DevicePlugin.Profiles.Single()));
    }

    [Fact]
    public void A_service_monitor_without_the_exporter_is_refused_at_its_key()
    {
        var problems = Assert.Throws<GpuSlicingInfra.Stacks.Config.ConfigException>(() =>
            SettingsBinder.Bind(StackFixtures.Inline(StackFixtures.MinimalYaml("  gpu-slicing-infra:monitoring:\n    prometheusOperator: true")))).Problems;

        var problem = Assert.Single(problems);
        Assert.Equal("gpu-slicing-infra:monitoring.prometheusOperator", problem.KeyPath);
        Assert.Contains("turn dcgmExporter on", problem.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(DcgmExporterOptions.PrometheusOperator), Assert.Single(new DcgmExporterOptions { PrometheusOperator = true }.Validate()).Field);
    }
}

using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Components;

public sealed class NvidiaDevicePluginTests
{
    [Fact]
    public void The_config_map_has_one_key_per_profile_with_the_configured_replicas()
    {
        var program = TestPrograms.Platform(TestPrograms.PlatformArgs());

        var data = (YamlMappingNode)ParsedProgram.Node(program.Resource("nvidia-device-plugin-config"), "properties.data");
        Assert.Equal(["exclusive", "ts-4"], data.Children.Keys.Select(k => k.ToString()));
        var shared = Load(data["ts-4"].ToString());
        Assert.Equal("v1", ParsedProgram.Scalar(shared, "version"));
        Assert.Equal("nvidia.com/gpu", ParsedProgram.Scalar(shared, "sharing.timeSlicing.resources.0.name"));
        Assert.Equal("4", ParsedProgram.Scalar(shared, "sharing.timeSlicing.resources.0.replicas"));
        Assert.False(ParsedProgram.Has(Load(data["exclusive"].ToString()), "sharing"));
    }

    [Fact]
    public void The_helm_release_is_pinned_and_wired_to_the_config_map_and_default_profile()
    {
        var program = TestPrograms.Platform(TestPrograms.PlatformArgs());

        var release = program.Resource("nvidia-device-plugin");
        Assert.Equal("kubernetes:helm.sh/v3:Release", program.TypeOf("nvidia-device-plugin"));
        Assert.Equal("0.20.0", ParsedProgram.Scalar(release, "properties.version"));
        Assert.Equal("https://nvidia.github.io/k8s-device-plugin", ParsedProgram.Scalar(release, "properties.repositoryOpts.repo"));
        Assert.Equal(NvidiaDevicePlugin.ConfigMapName, ParsedProgram.Scalar(release, "properties.values.config.name"));
        Assert.Equal(NvidiaDevicePlugin.ConfigMapName, ParsedProgram.Scalar(program.Resource("nvidia-device-plugin-config"), "properties.metadata.name"));
        Assert.Equal("exclusive", ParsedProgram.Scalar(release, "properties.values.config.default"));
        Assert.Equal("true", ParsedProgram.Scalar(release, "properties.values.gfd.enabled"));
        Assert.Equal("${k8s-provider}", ParsedProgram.Scalar(release, "options.provider"));
        Assert.Equal("${nvidia-device-plugin-config}", ParsedProgram.Scalar(release, "options.dependsOn.0"));
    }

    [Fact]
    public void The_plugin_runs_only_on_gpu_nodes_and_tolerates_the_gpu_taint()
    {
        var release = TestPrograms.Platform(TestPrograms.PlatformArgs()).Resource("nvidia-device-plugin");

        var term = ParsedProgram.Node(release, "properties.values.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms.0.matchExpressions.0");
        Assert.Equal("nvidia.com/gpu.present", ParsedProgram.Scalar(term, "key"));
        Assert.Equal("true", ParsedProgram.Scalar(term, "values.0"));
        Assert.Equal("nvidia.com/gpu", ParsedProgram.Scalar(release, "properties.values.tolerations.0.key"));
        Assert.Equal("nvidia.com/gpu", ParsedProgram.Scalar(release, "properties.values.nfd.worker.tolerations.0.key"));
    }

    [Fact]
    public void A_config_change_changes_the_pod_annotation_checksum_so_pods_roll()
    {
        string Checksum(int replicas)
        {
            var args = TestPrograms.PlatformArgs();
            var release = TestPrograms.Platform(args with
            {
                DevicePlugin = args.DevicePlugin with { Profiles = [new SharingProfileOptions { Name = "ts-4", Replicas = replicas }], DefaultProfile = "ts-4" },
            }).Resource("nvidia-device-plugin");
            return ParsedProgram.At(release, "properties", "values", "podAnnotations", NvidiaDevicePlugin.ChecksumAnnotation);
        }

        Assert.Equal(Checksum(4), Checksum(4));
        Assert.NotEqual(Checksum(4), Checksum(5));
    }

    [Fact]
    public void The_default_profile_must_exist_because_the_plugin_exits_on_an_unknown_one()
    {
        var args = new NvidiaDevicePluginOptions { Profiles = [new SharingProfileOptions { Name = "ts-4", Replicas = 4 }], DefaultProfile = "ts-8" };

        Assert.Contains(args.Validate(), p => p.Field == nameof(NvidiaDevicePluginOptions.DefaultProfile));
    }

    [Fact]
    public void Chart_versions_must_be_pinned_exactly()
    {
        var args = new NvidiaDevicePluginOptions { Profiles = [new SharingProfileOptions { Name = "a", Replicas = 2 }], DefaultProfile = "a", ChartVersion = "0.x" };

        Assert.Contains(args.Validate(), p => p.Field == nameof(NvidiaDevicePluginOptions.ChartVersion));
    }

    private static YamlMappingNode Load(string yaml) => ParsedProgram.LoadMap(yaml);
}

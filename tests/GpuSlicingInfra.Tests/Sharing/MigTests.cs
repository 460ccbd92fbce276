using System.Text;
using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Sharing;

/// <summary>Issue 13 item 4: MIG profiles, refused where the GPU cannot do them, partitioned at boot, advertised as the plugin will.</summary>
public sealed class MigTests
{
    private const string InstanceTypesKey = "gpu-slicing-infra:gpuPools.gpu.instanceTypes";

    [Theory]
    [InlineData("g5.xlarge")]
    [InlineData("p3.2xlarge")]
    [InlineData("g4dn.xlarge")]
    public void A_gpu_without_mig_is_refused_at_the_instance_types(string type)
    {
        var problems = SharingStacks.Problems(SharingStacks.Yaml("strategy: mig\nmigConfig: all-1g.10gb", $"instanceTypes: [{type}]"));

        var finding = Assert.Single(problems);
        Assert.Equal(InstanceTypesKey, finding.KeyPath);
        Assert.Contains("is not a GPU whose MIG layouts this product knows", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("all-1g.20gb")]
    [InlineData("all-7g.80gb")]
    public void A_layout_the_a100_40gb_lacks_is_refused_naming_the_layout_key(string layout)
    {
        var problems = SharingStacks.Problems(SharingStacks.Yaml($"strategy: mig\nmigConfig: {layout}", "instanceTypes: [p4d.24xlarge]"));

        var finding = Assert.Single(problems);
        Assert.Equal(InstanceTypesKey, finding.KeyPath);
        Assert.Contains($"devicePlugin.profiles.p.migConfig '{layout}' has no entry for p4d.24xlarge's A100-40GB", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_1g_10gb_fits_the_a100_40gb_with_four_devices_as_upstream_says()
    {
        // default-mig-parted-config.yaml: all-1g.10gb has a device-filter entry for A100-40GB with 4 devices.
        var settings = SharingStacks.Bind(SharingStacks.Yaml("strategy: mig\nmigConfig: all-1g.10gb", "instanceTypes: [p4d.24xlarge]\ndesiredSize: 1"));
        var capacity = GpuCapacity.Of(settings.Platform.GpuPools[0], settings.Platform.DevicePlugin.Profiles[0]);

        Assert.Equal(4, capacity.SlicesPerGpu);
        Assert.Equal(32, capacity.AdvertisedSlices.Desired);
    }

    [Fact]
    public void Single_strategy_refuses_a_layout_with_several_mig_profiles()
    {
        var problems = SharingStacks.Problems(SharingStacks.Yaml("strategy: mig\nmigConfig: all-balanced", "instanceTypes: [p4de.24xlarge]"));

        var finding = Assert.Single(problems);
        Assert.Equal("gpu-slicing-infra:gpuPools.gpu.profile", finding.KeyPath);
        Assert.Contains("migStrategy: mixed", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("strategy: mig", "devicePlugin.profiles.p.migConfig")]
    [InlineData("strategy: mig\nmigConfig: all-9g.1tb", "devicePlugin.profiles.p.migConfig")]
    [InlineData("strategy: mig\nmigConfig: all-1g.10gb\nmigStrategy: mixed\nreplicas: 2", "devicePlugin.profiles.p.replicas")]
    [InlineData("strategy: mps\nreplicas: 4\nmigConfig: all-1g.10gb", "devicePlugin.profiles.p.migConfig")]
    public void Profile_rules_name_their_key(string profile, string key)
    {
        var problems = SharingStacks.Problems(SharingStacks.Yaml(profile, "instanceTypes: [p4de.24xlarge]"));

        Assert.Equal("gpu-slicing-infra:" + key, Assert.Single(problems).KeyPath);
    }

    [Theory]
    [InlineData("", "single")]
    [InlineData("\nmigStrategy: mixed", "mixed")]
    public void The_plugin_mig_strategy_matches_the_profile(string extra, string flag)
    {
        var settings = SharingStacks.Bind(SharingStacks.Yaml("strategy: mig\nmigConfig: all-1g.10gb" + extra, "instanceTypes: [p4de.24xlarge]"));

        Assert.Contains($"migStrategy: {flag}\n", DevicePluginConfig.Render(settings.Platform.DevicePlugin.Profiles[0]), StringComparison.Ordinal);
        Assert.Contains("migStrategy: none\n", DevicePluginConfig.Render(new SharingProfileOptions { Name = "t", Replicas = 2 }), StringComparison.Ordinal);
    }

    [Fact]
    public void Replicas_time_slice_each_mig_device_under_single()
    {
        var settings = SharingStacks.Bind(SharingStacks.Yaml("strategy: mig\nmigConfig: all-1g.10gb\nreplicas: 3", "instanceTypes: [p4de.24xlarge]"));
        var profile = settings.Platform.DevicePlugin.Profiles[0];

        Assert.Equal(21, profile.SlicesPerGpu(GpuInstanceCatalog.BuiltIn.Find("p4de.24xlarge")!));
        Assert.Contains("timeSlicing:", DevicePluginConfig.Render(profile), StringComparison.Ordinal);
    }

    [Fact]
    public void Overlays_declare_what_the_node_registers_under_single_and_mixed()
    {
        var single = Overlay("migConfig: all-1g.10gb\nreplicas: 2");
        var mixed = Overlay("migConfig: all-balanced\nmigStrategy: mixed");

        Assert.Equal(new Dictionary<string, string> { ["nvidia.com/gpu"] = "112" }, single);
        Assert.Equal(new Dictionary<string, string>
        {
            ["nvidia.com/gpu"] = "0",
            ["nvidia.com/mig-1g.10gb"] = "16",
            ["nvidia.com/mig-2g.20gb"] = "8",
            ["nvidia.com/mig-3g.40gb"] = "8",
        }, mixed);
    }

    [Fact]
    public void Mixed_limits_count_mig_resources_and_leave_whole_gpus_unlimited()
    {
        var settings = SharingStacks.Bind(SharingStacks.Yaml("strategy: mig\nmigConfig: all-balanced\nmigStrategy: mixed",
            "provisioner: karpenter\nkarpenterMode: overlay-override\nkarpenterMaxNodes: 2\ninstanceTypes: [p4de.24xlarge]", karpenter: true));

        var limits = KarpenterPoolDesign.Limits(settings.Platform.GpuPools[0], settings.Platform.DevicePlugin.Profiles[0]);

        Assert.Equal("32", limits["nvidia.com/mig-1g.10gb"]);
        Assert.Equal("16", limits["nvidia.com/mig-3g.40gb"]);
        Assert.False(limits.ContainsKey("nvidia.com/gpu"));
    }

    [Fact]
    public void Plain_karpenter_cannot_provision_mixed_mig_resources()
    {
        var problems = SharingStacks.Problems(SharingStacks.Yaml("strategy: mig\nmigConfig: all-balanced\nmigStrategy: mixed",
            "provisioner: karpenter\nkarpenterMode: plain\ninstanceTypes: [p4de.24xlarge]", karpenter: true));

        var finding = Assert.Single(problems);
        Assert.Equal("gpu-slicing-infra:gpuPools.gpu.karpenterMode", finding.KeyPath);
        Assert.Contains("overlay-override", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_mig_pool_on_the_default_overlay_shared_mode_is_told_to_use_overlay_override()
    {
        // The generic overlay-shared message (set renameByDefault) leads a MIG profile without replicas in a circle.
        var problems = SharingStacks.Problems(SharingStacks.Yaml("strategy: mig\nmigConfig: all-1g.10gb",
            "provisioner: karpenter\ninstanceTypes: [p4de.24xlarge]", karpenter: true));

        var finding = Assert.Single(problems);
        Assert.Equal("gpu-slicing-infra:gpuPools.gpu.karpenterMode", finding.KeyPath);
        Assert.StartsWith("use overlay-override for MIG profile 'p'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_described_gpu_without_known_mig_layouts_is_refused_whatever_supportsMig_says()
    {
        var yaml = SharingStacks.Yaml("strategy: mig\nmigConfig: all-1g.10gb", "instanceTypes: [g7e.2xlarge]")
            + "  gpu-slicing-infra:instanceCatalog:\n    g7e.2xlarge:\n      gpus: 1\n      gpuModel: NVIDIA RTX PRO 6000\n      gpuMemoryGiB: 96\n"
            + "      vCpus: 8\n      memoryGiB: 64\n      maxPods: 254\n      supportsMig: true\n";

        var finding = Assert.Single(SharingStacks.Problems(yaml));

        Assert.Equal("gpu-slicing-infra:gpuPools.gpu.instanceTypes", finding.KeyPath);
        Assert.Contains("supportsMig in instanceCatalog does not add layouts", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_provisioners_partition_at_boot_before_the_node_joins()
    {
        var program = SharingStacks.Program(SharingStacks.Yaml("strategy: mig\nmigConfig: all-1g.10gb",
            "provisioner: both\nkarpenterMode: overlay-override\ninstanceTypes: [p4d.24xlarge]", karpenter: true));
        var template = program.NamesOfType("aws:ec2:LaunchTemplate").Single(n => !n.Contains("system", StringComparison.Ordinal));
        var launchTemplateData = Encoding.UTF8.GetString(Convert.FromBase64String(ParsedProgram.Scalar(program.Resource(template), "properties.userData")));
        var nodeClass = program.NamesOfType("kubernetes:apiextensions.k8s.io:CustomResource").Single(n => n.Contains("nodeclass", StringComparison.Ordinal));
        // The engine reads "$$" in the program as "$" (EngineInterpolation mirrors its rule).
        var nodeClassData = EngineInterpolation.ReadLiteral(ParsedProgram.Scalar(program.Resource(nodeClass), "properties.spec.userData"));

        Assert.Equal(launchTemplateData, nodeClassData);
        Assert.StartsWith("MIME-Version: 1.0\n", launchTemplateData, StringComparison.Ordinal);
        Assert.Contains("-cgi 1g.10gb,1g.10gb,1g.10gb,1g.10gb -C", launchTemplateData, StringComparison.Ordinal);
        // awslabs/amazon-eks-ami nodeadm-run.service starts kubelet after cloud-final; the unit keeps that order on reboots.
        Assert.Contains("Before=nodeadm-run.service kubelet.service", launchTemplateData, StringComparison.Ordinal);
    }

    [Fact]
    public void Pools_without_mig_get_no_user_data()
    {
        var program = TestPrograms.Platform(TestPrograms.PlatformArgs());

        Assert.All(program.NamesOfType("aws:ec2:LaunchTemplate"), n => Assert.False(ParsedProgram.Has(program.Resource(n), "properties.userData")));
    }

    private static IReadOnlyDictionary<string, string> Overlay(string profile)
    {
        var settings = SharingStacks.Bind(SharingStacks.Yaml("strategy: mig\n" + profile,
            "provisioner: karpenter\nkarpenterMode: overlay-override\ninstanceTypes: [p4de.24xlarge]", karpenter: true));
        var pool = settings.Platform.GpuPools[0];
        return Assert.Single(KarpenterPoolDesign.Overlays(pool, settings.Platform.DevicePlugin.Profiles[0])).Capacity;
    }
}

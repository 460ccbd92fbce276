using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Karpenter;

public sealed class KarpenterPoolTests
{
    private static readonly ParsedProgram Program = KarpenterCrdConformanceTests.Load("all-modes");

    private static YamlMappingNode Spec(string resource) => (YamlMappingNode)ParsedProgram.Node(Program.Resource(resource), "properties.spec");

    private static Dictionary<string, string> Map(YamlNode node) =>
        ((YamlMappingNode)node).Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!);

    private static Dictionary<string, List<string>> Requirements(YamlNode node) =>
        ((YamlSequenceNode)node).Cast<YamlMappingNode>().ToDictionary(
            r => ParsedProgram.Scalar(r, "key"),
            r => ((YamlSequenceNode)r["values"]).Select(v => ((YamlScalarNode)v).Value!).ToList());

    private static List<(string Key, string Value, string Effect)> Taints(string pool) =>
        [.. ((YamlSequenceNode)ParsedProgram.Node(Spec($"karpenter-nodepool-{pool}"), "template.spec.taints")).Cast<YamlMappingNode>()
            .Select(t => (ParsedProgram.Scalar(t, "key"), ParsedProgram.Scalar(t, "value"), ParsedProgram.Scalar(t, "effect")))];

    [Theory]
    [InlineData("plain", "ts-4")]
    [InlineData("override", "ts-4")]
    [InlineData("shared", "ts-4-shared")]
    public void Every_pool_is_gpu_tainted_labelled_with_its_profile_and_bound_to_its_node_class(string pool, string profile)
    {
        var spec = Spec($"karpenter-nodepool-{pool}");
        var labels = Map(ParsedProgram.Node(spec, "template.metadata.labels"));

        Assert.Contains(("nvidia.com/gpu", "true", "NoSchedule"), Taints(pool));
        Assert.Equal("true", labels["nvidia.com/gpu.present"]);
        Assert.Equal(profile, labels["nvidia.com/device-plugin.config"]);
        Assert.Equal(pool, labels["gpu-slicing-infra/pool"]);
        Assert.Equal(new Dictionary<string, string> { ["group"] = "karpenter.k8s.aws", ["kind"] = "EC2NodeClass", ["name"] = pool },
            Map(ParsedProgram.Node(spec, "template.spec.nodeClassRef")));
        Assert.Equal("WhenEmptyOrUnderutilized", ParsedProgram.Scalar(spec, "disruption.consolidationPolicy"));
        Assert.Equal("10m", ParsedProgram.Scalar(spec, "disruption.consolidateAfter"));
        Assert.Equal("10%", ParsedProgram.Scalar(spec, "disruption.budgets.0.nodes"));
        Assert.Equal("720h", ParsedProgram.Scalar(spec, "template.spec.expireAfter"));
    }

    [Fact]
    public void Only_overlay_shared_pools_carry_the_shared_gpu_taint()
    {
        Assert.Contains(("nvidia.com/gpu.shared", "true", "NoSchedule"), Taints("shared"));
        Assert.DoesNotContain(Taints("plain"), t => t.Key == "nvidia.com/gpu.shared");
        Assert.DoesNotContain(Taints("override"), t => t.Key == "nvidia.com/gpu.shared");
    }

    [Fact]
    public void The_device_plugin_tolerates_the_shared_gpu_taint_when_a_pool_uses_it()
    {
        var values = ParsedProgram.Node(Program.Resource("nvidia-device-plugin"), "properties.values");
        var keys = ((YamlSequenceNode)ParsedProgram.Node(values, "tolerations")).Cast<YamlMappingNode>().Select(t => ParsedProgram.Scalar(t, "key"));
        var nfdKeys = ((YamlSequenceNode)ParsedProgram.Node(values, "nfd.worker.tolerations")).Cast<YamlMappingNode>().Select(t => ParsedProgram.Scalar(t, "key"));

        Assert.Contains("nvidia.com/gpu.shared", keys);
        Assert.Contains("nvidia.com/gpu.shared", nfdKeys);
    }

    [Fact]
    public void Family_selection_requires_the_families_and_gpu_counts_of_the_listed_types()
    {
        var requirements = Requirements(ParsedProgram.Node(Spec("karpenter-nodepool-override"), "template.spec.requirements"));

        Assert.Equal(["g5"], requirements["karpenter.k8s.aws/instance-family"]);
        Assert.Equal(["1", "4", "8"], requirements["karpenter.k8s.aws/instance-gpu-count"]);
        Assert.Equal(["on-demand"], requirements["karpenter.sh/capacity-type"]);
        Assert.Equal(["amd64"], requirements["kubernetes.io/arch"]);
    }

    [Fact]
    public void Type_selection_lists_the_types_and_spot_pools_allow_spot_with_on_demand_fallback()
    {
        var program = KarpenterCrdConformanceTests.Load("irsa-types");
        var requirements = Requirements(ParsedProgram.Node(program.Resource("karpenter-nodepool-typed"), "properties.spec.template.spec.requirements"));

        Assert.Equal(["g6.12xlarge", "g6.xlarge"], requirements["node.kubernetes.io/instance-type"]);
        Assert.False(requirements.ContainsKey("karpenter.k8s.aws/instance-family"));
        Assert.Equal(["spot", "on-demand"], requirements["karpenter.sh/capacity-type"]);
        Assert.Equal("90s", ParsedProgram.Scalar(program.Resource("karpenter-nodepool-typed"), "properties.spec.disruption.consolidateAfter"));
        Assert.Equal("al2023@v20260610", ParsedProgram.Scalar(program.Resource("karpenter-nodeclass-typed"), "properties.spec.amiSelectorTerms.0.alias"));
    }

    [Fact]
    public void Limits_count_nodes_and_cpu_always_and_gpus_in_the_unit_each_mode_keeps_stable()
    {
        // g4dn.xlarge family selection with 1 GPU: up to g4dn.16xlarge (64 vCPU); default max nodes = maxSize 2.
        Assert.Equal(new Dictionary<string, string> { ["cpu"] = "128", ["nodes"] = "2", ["nvidia.com/gpu"] = "8" },
            Map(ParsedProgram.Node(Spec("karpenter-nodepool-plain"), "limits")));
        // g5 sizes with 1, 4 and 8 GPUs: 2 nodes × 8 GPUs × 4 replicas.
        Assert.Equal(new Dictionary<string, string> { ["cpu"] = "384", ["nodes"] = "2", ["nvidia.com/gpu"] = "64" },
            Map(ParsedProgram.Node(Spec("karpenter-nodepool-override"), "limits")));
        var shared = Map(ParsedProgram.Node(Spec("karpenter-nodepool-shared"), "limits"));
        Assert.Equal("32", shared["nvidia.com/gpu.shared"]); // 2 nodes × 4 GPUs (g4dn.12xlarge) × 4
        Assert.False(shared.ContainsKey("nvidia.com/gpu"));
        Assert.Equal("2", shared["nodes"]);
    }

    [Fact]
    public void Explicit_limits_override_the_derived_ones()
    {
        var pool = TestPrograms.KarpenterPool("t4", KarpenterMode.OverlayShared) with { Karpenter = new() { Mode = KarpenterMode.OverlayShared, MaxNodes = 5, MaxCpu = 40 } };
        var profile = new GpuSlicingInfra.Components.Gpu.SharingProfileOptions { Name = "ts-4-shared", Replicas = 4, RenameByDefault = true };

        var limits = KarpenterPoolDesign.Limits(pool, profile);

        Assert.Equal("40", limits["cpu"]);
        Assert.Equal("5", limits["nodes"]);
        Assert.Equal("20", limits["nvidia.com/gpu.shared"]);
    }

    [Fact]
    public void Override_pools_get_one_overlay_per_gpu_count_setting_gpus_times_replicas()
    {
        foreach (var (count, capacity) in new[] { (1, "4"), (4, "16"), (8, "32") })
        {
            var spec = Spec($"karpenter-overlay-override-gpus-{count}");
            Assert.Equal(new Dictionary<string, string> { ["nvidia.com/gpu"] = capacity }, Map(ParsedProgram.Node(spec, "capacity")));
            var requirements = Requirements(ParsedProgram.Node(spec, "requirements"));
            Assert.Equal(["override"], requirements["karpenter.sh/nodepool"]);
            Assert.Equal([count.ToString(System.Globalization.CultureInfo.InvariantCulture)], requirements["karpenter.k8s.aws/instance-gpu-count"]);
        }
        Assert.Equal(3, Program.ResourceNames.Count(n => n.StartsWith("karpenter-overlay-override-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Node_classes_require_imdsv2_hop_limit_one_and_an_encrypted_gp3_root_volume()
    {
        var spec = Spec("karpenter-nodeclass-plain");

        Assert.Equal("${karpenter-node-role.name}", ParsedProgram.Scalar(spec, "role"));
        Assert.Equal("al2023@latest", ParsedProgram.Scalar(spec, "amiSelectorTerms.0.alias"));
        Assert.Equal(new Dictionary<string, string> { ["httpEndpoint"] = "enabled", ["httpProtocolIPv6"] = "disabled", ["httpPutResponseHopLimit"] = "1", ["httpTokens"] = "required" },
            Map(ParsedProgram.Node(spec, "metadataOptions")));
        Assert.Equal("/dev/xvda", ParsedProgram.Scalar(spec, "blockDeviceMappings.0.deviceName"));
        Assert.Equal("100Gi", ParsedProgram.Scalar(spec, "blockDeviceMappings.0.ebs.volumeSize"));
        Assert.Equal("gp3", ParsedProgram.Scalar(spec, "blockDeviceMappings.0.ebs.volumeType"));
        Assert.Equal("true", ParsedProgram.Scalar(spec, "blockDeviceMappings.0.ebs.encrypted"));
        Assert.Equal("gpu-test", ParsedProgram.At(spec, "subnetSelectorTerms", "0", "tags", "karpenter.sh/discovery"));
        Assert.Equal("gpu-test", ParsedProgram.At(spec, "securityGroupSelectorTerms", "0", "tags", "karpenter.sh/discovery"));
    }

    [Fact]
    public void Every_device_plugin_config_label_names_an_existing_profile()
    {
        foreach (var stack in new[] { "dev", "prod" })
        {
            var program = KarpenterCrdConformanceTests.Load(stack);
            var configMap = (YamlMappingNode)ParsedProgram.Node(program.Resource("nvidia-device-plugin-config"), "properties.data");
            var profiles = configMap.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();
            foreach (var (name, kind, instance) in KarpenterCrdConformanceTests.KarpenterObjects(program).Where(o => o.Kind == "NodePool"))
            {
                var label = instance["spec"]!["template"]!["metadata"]!["labels"]!["nvidia.com/device-plugin.config"]!.GetValue<string>();
                Assert.True(profiles.Contains(label), $"{stack}: {name} names '{label}'");
            }
        }
    }
}

using GpuSlicingInfra.Components.Gpu;

namespace GpuSlicingInfra.Tests.Sharing;

/// <summary>Issue 13 item 3: MPS as NVIDIA/k8s-device-plugin v0.20.0 does it.</summary>
public sealed class MpsTests
{
    [Fact]
    public void A_v100_takes_at_most_16_mps_clients_per_gpu()
    {
        // cmd/mps-control-daemon/mps/device.go, maxClients: 16 below compute capability 7.5 (V100 is 7.0).
        var problems = SharingStacks.Problems(SharingStacks.Yaml("strategy: mps\nreplicas: 32", "instanceTypes: [p3.2xlarge]"));

        var finding = Assert.Single(problems);
        Assert.Equal("gpu-slicing-infra:gpuPools.gpu.profile", finding.KeyPath);
        Assert.Contains("at most 16", finding.Message, StringComparison.Ordinal);
        Assert.Contains("devicePlugin.profiles.p.replicas", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p3.2xlarge", 16)]
    [InlineData("g4dn.8xlarge", 48)]
    [InlineData("p4d.24xlarge", 48)]
    public void The_limit_follows_compute_capability(string type, int replicas)
    {
        var settings = SharingStacks.Bind(SharingStacks.Yaml($"strategy: mps\nreplicas: {replicas}", $"instanceTypes: [{type}]"));

        Assert.Equal(replicas, GpuModels.MpsMaxClients(GpuInstanceCatalog.BuiltIn.Find(type)!));
        Assert.Equal("p", settings.Platform.GpuPools[0].Profile);
    }

    [Fact]
    public void A_gpu_model_without_facts_gets_the_lower_limit()
    {
        var unknown = new GpuInstanceType("x9.large", "NVIDIA Z1", 1, 32, 4, 16, false, 1m) { MaxPods = 29 };

        Assert.Null(GpuModels.Of(unknown));
        Assert.Equal(16, GpuModels.MpsMaxClients(unknown));
    }

    [Fact]
    public void Every_catalog_gpu_model_has_facts()
    {
        Assert.All(GpuInstanceCatalog.BuiltIn.All, t => Assert.NotNull(GpuModels.Of(t)));
    }

    [Fact]
    public void Fail_requests_greater_than_one_is_left_to_the_plugin_unless_set()
    {
        // api/config/v1/config.go (NewConfig) defaults it to true for MPS; writing false would let a pod take 20 slices.
        var unset = DevicePluginConfig.Render(new SharingProfileOptions { Name = "m", Strategy = SharingStrategy.Mps, Replicas = 4 });
        var set = DevicePluginConfig.Render(new SharingProfileOptions { Name = "m", Strategy = SharingStrategy.Mps, Replicas = 4, FailRequestsGreaterThanOne = false });

        Assert.DoesNotContain("failRequestsGreaterThanOne", unset, StringComparison.Ordinal);
        Assert.Contains("failRequestsGreaterThanOne: false", set, StringComparison.Ordinal);
    }

    [Fact]
    public void The_binder_keeps_an_unset_fail_requests_greater_than_one_unset()
    {
        var unset = SharingStacks.Bind(SharingStacks.Yaml("strategy: mps\nreplicas: 4", "instanceTypes: [g4dn.xlarge]"));
        var set = SharingStacks.Bind(SharingStacks.Yaml("strategy: mps\nreplicas: 4\nfailRequestsGreaterThanOne: true", "instanceTypes: [g4dn.xlarge]"));

        Assert.Null(unset.Platform.DevicePlugin.Profiles[0].FailRequestsGreaterThanOne);
        Assert.True(set.Platform.DevicePlugin.Profiles[0].FailRequestsGreaterThanOne);
    }
}

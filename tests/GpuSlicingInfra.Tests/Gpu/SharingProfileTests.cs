using GpuSlicingInfra.Components.Gpu;

namespace GpuSlicingInfra.Tests.Gpu;

public sealed class SharingProfileTests
{
    [Theory]
    [InlineData(SharingStrategy.TimeSlicing, 1, nameof(SharingProfileOptions.Replicas))]
    [InlineData(SharingStrategy.TimeSlicing, 0, nameof(SharingProfileOptions.Replicas))]
    [InlineData(SharingStrategy.Mps, 49, nameof(SharingProfileOptions.Replicas))]
    public void The_device_plugin_replica_rules_are_enforced_at_compile_time(SharingStrategy strategy, int replicas, string field)
    {
        var problems = new SharingProfileOptions { Name = "p", Strategy = strategy, Replicas = replicas }.Validate();

        Assert.Contains(problems, p => p.Field == field);
    }

    [Fact]
    public void A_profile_without_sharing_is_valid_and_advertises_one_unit_per_gpu()
    {
        var profile = new SharingProfileOptions { Name = "exclusive", Strategy = SharingStrategy.None };

        Assert.Empty(profile.Validate());
        Assert.Equal(1, profile.SlicesPerGpu(GpuInstanceCatalog.BuiltIn.Find("g4dn.12xlarge")!));
        Assert.DoesNotContain("sharing", DevicePluginConfig.Render(profile), StringComparison.Ordinal);
    }

    [Fact]
    public void Rename_by_default_advertises_the_shared_resource()
    {
        var profile = new SharingProfileOptions { Name = "shared", Replicas = 8, RenameByDefault = true };

        Assert.Equal("nvidia.com/gpu.shared", profile.ResourceName);
        Assert.Contains("renameByDefault: true", DevicePluginConfig.Render(profile), StringComparison.Ordinal);
    }

    [Fact]
    public void Mps_profiles_render_under_the_mps_key()
    {
        var text = DevicePluginConfig.Render(new SharingProfileOptions { Name = "mps", Strategy = SharingStrategy.Mps, Replicas = 4 });

        Assert.Contains("  mps:\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("timeSlicing", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("-lead")]
    [InlineData("has.dot")]
    [InlineData("")]
    public void Profile_names_must_be_valid_config_map_keys_and_label_values(string name)
    {
        Assert.Contains(new SharingProfileOptions { Name = name, Replicas = 2 }.Validate(), p => p.Field == nameof(SharingProfileOptions.Name));
    }

    [Fact]
    public void Capacity_multiplies_nodes_gpus_per_instance_and_replicas()
    {
        var capacity = GpuCapacity.Of(
            new GpuPoolOptions { Name = "p", Profile = "ts", InstanceTypes = ["g4dn.12xlarge"], ManagedNodeGroup = new() { MinSize = 1, DesiredSize = 2, MaxSize = 3 } },
            new SharingProfileOptions { Name = "ts", Replicas = 5 });

        Assert.Equal(new NodeCounts(4, 8, 12), capacity.PhysicalGpus);
        Assert.Equal(new NodeCounts(20, 40, 60), capacity.AdvertisedSlices);
    }
}

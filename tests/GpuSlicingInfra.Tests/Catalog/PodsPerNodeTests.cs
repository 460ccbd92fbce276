using GpuSlicingInfra.Components.Platform;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Catalog;

/// <summary>Issue 13 item 5: a node's slices must fit in its pod limit less the DaemonSet pods the platform puts on GPU nodes.</summary>
public sealed class PodsPerNodeTests
{
    [Fact]
    public void Thirty_slices_on_a_g4dn_xlarge_are_an_error_stating_both_numbers()
    {
        // 29 pods (3 ENIs × 9 + 2) less aws-node, kube-proxy, eks-pod-identity-agent, device plugin, GFD, NFD worker.
        var problems = Assert.Throws<ConfigException>(() => SettingsBinder.Bind(StackFixtures.Inline(CatalogTestStacks.With(
            CatalogTestStacks.GroupPool("t4", "g4dn.xlarge"), replicas: 30)))).Problems;

        var problem = Assert.Single(problems, p => p.KeyPath == "gpu-slicing-infra:gpuPools.t4.instanceTypes");
        Assert.Contains("advertises 30 slices", problem.Message, StringComparison.Ordinal);
        Assert.Contains("at most 23 workload pods: 29 pods", problem.Message, StringComparison.Ordinal);
        Assert.Contains("6 DaemonSet pods", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_count_that_fits_passes_and_one_more_fails()
    {
        var fits = SettingsBinder.Bind(StackFixtures.Inline(CatalogTestStacks.With(CatalogTestStacks.GroupPool("t4", "g4dn.xlarge"), replicas: 23)));
        Assert.Equal(6, GpuNodePods.DaemonSets(fits.Platform, fits.Platform.DevicePlugin.Profiles.Single()).Count);

        Assert.Throws<ConfigException>(() => SettingsBinder.Bind(StackFixtures.Inline(CatalogTestStacks.With(CatalogTestStacks.GroupPool("t4", "g4dn.xlarge"), replicas: 24))));
    }

    [Fact]
    public void Daemonsets_follow_what_the_program_deploys()
    {
        // Without Karpenter there is no pod identity agent; without GFD no GFD or NFD worker.
        var settings = SettingsBinder.Bind(StackFixtures.Inline("""
            config:
              gpu-slicing-infra:devicePlugin:
                gpuFeatureDiscovery: false
                profiles:
                  ts-4:
                    replicas: 4
              gpu-slicing-infra:gpuPools:
                t4:
                  profile: ts-4
            """));

        Assert.Equal(["aws-node", "kube-proxy", "nvidia-device-plugin"], GpuNodePods.DaemonSets(settings.Platform, settings.Platform.DevicePlugin.Profiles.Single()));
    }

    [Fact]
    public void Karpenter_pools_are_checked_on_every_type_their_nodepool_allows()
    {
        // Family selection of g4dn.8xlarge (58 pods) allows every one-GPU g4dn, g4dn.xlarge (29 pods) among them.
        var problems = Assert.Throws<ConfigException>(() => SettingsBinder.Bind(StackFixtures.Inline(CatalogTestStacks.With(
            CatalogTestStacks.KarpenterPool("t4", "g4dn.8xlarge"), replicas: 30)))).Problems;

        Assert.Contains(problems, p => p.KeyPath == "gpu-slicing-infra:gpuPools.t4.instanceTypes" && p.Message.Contains("a g4dn.xlarge node", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Message.Contains("a g4dn.8xlarge node", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_shows_slices_and_pods_per_node()
    {
        var (settings, program) = ReviewFixtures.Shipped("prod");
        var pool = ReviewFixtures.Plan(settings, program, FixedClock.Today).Pools.Single(p => p.Pool == "inference-t4");

        Assert.Equal((4, 29), (pool.SlicesPerNode, pool.MaxPodsPerNode));
    }
}

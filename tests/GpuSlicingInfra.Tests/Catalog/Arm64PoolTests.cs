using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Stacks;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Catalog;

/// <summary>Issue 13 item 2: a Graviton GPU pool gets the arm64 NVIDIA AMI and arch requirement; mixing architectures is refused.</summary>
public sealed class Arm64PoolTests
{
    [Fact]
    public void A_g5g_managed_node_group_gets_the_arm64_nvidia_ami_and_an_x86_one_keeps_its_own()
    {
        var program = ParsedProgram.LoadMap(StackProgram.Compile(StackFixtures.Inline(CatalogTestStacks.With(
            CatalogTestStacks.GroupPool("graviton", "g5g.xlarge") + CatalogTestStacks.GroupPool("t4", "g4dn.xlarge")))));

        Assert.Equal("AL2023_ARM_64_NVIDIA", ParsedProgram.At(program, "resources", "gpu-graviton-nodes", "properties", "amiType"));
        Assert.Equal("AL2023_x86_64_NVIDIA", ParsedProgram.At(program, "resources", "gpu-t4-nodes", "properties", "amiType"));
    }

    [Fact]
    public void A_g5g_karpenter_pool_requires_arm64_nodes()
    {
        var settings = SettingsBinder.Bind(StackFixtures.Inline(CatalogTestStacks.With(CatalogTestStacks.KarpenterPool("graviton", "g5g.xlarge"))));

        var arch = KarpenterPoolDesign.Requirements(settings.Platform.GpuPools.Single()).Single(r => r.Key == "kubernetes.io/arch");
        Assert.Equal(["arm64"], arch.Values);
    }

    [Fact]
    public void A_pool_mixing_architectures_is_refused_on_its_instance_types()
    {
        var problems = Assert.Throws<ConfigException>(() => SettingsBinder.Bind(StackFixtures.Inline(CatalogTestStacks.With(
            CatalogTestStacks.GroupPool("mixed", "g5g.xlarge", "g4dn.xlarge"))))).Problems;

        var problem = Assert.Single(problems, p => p.KeyPath == "gpu-slicing-infra:gpuPools.mixed.instanceTypes");
        Assert.Contains("g5g.xlarge is arm64, g4dn.xlarge is amd64", problem.Message, StringComparison.Ordinal);
    }
}

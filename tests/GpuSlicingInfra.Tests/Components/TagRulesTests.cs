using GpuSlicingInfra.Components;
using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Platform;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Components;

/// <summary>
/// Tag rules on the platform args: ASCII text, keys unique ignoring case (IAM compares them so),
/// reserved prefixes in any case, merged maps that collide, and the keys the EC2NodeClass CRD refuses
/// (../shared/upstream/karpenter/karpenter.k8s.aws_ec2nodeclasses.yaml, spec.tags x-kubernetes-validations).
/// </summary>
public sealed class TagRulesTests
{
    [Theory]
    [InlineData("team", "Team")]
    [InlineData("Cost-Center", "COST-CENTER")]
    public void Stack_tag_keys_that_differ_only_by_case_are_refused(string first, string second)
    {
        var problems = Validate(TestPrograms.PlatformArgs() with { Tags = Tags(first, second) });

        var problem = Assert.Single(problems);
        Assert.StartsWith("Tags[", problem.Field, StringComparison.Ordinal);
        Assert.Contains("only by case", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AWS:createdBy")]
    [InlineData("Aws:x")]
    [InlineData("gpu-slicing-infra/pool")]
    [InlineData("GPU-SLICING-INFRA/Environment")]
    public void Reserved_prefixes_are_refused_in_any_case(string key)
    {
        var problem = Assert.Single(Validate(TestPrograms.PlatformArgs() with { Tags = Tags(key) }));

        Assert.Equal($"Tags[{key}]", problem.Field);
        Assert.Contains("reserved", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("karpenter.sh/discovery")]
    [InlineData("Kubernetes.io/Role/ELB")]
    [InlineData("kubernetes.io/role/internal-elb")]
    public void Stack_tags_the_components_set_on_chosen_resources_only_are_refused(string key)
    {
        var problem = Assert.Single(Validate(TestPrograms.PlatformArgs() with { Tags = Tags(key) }));

        Assert.Equal($"Tags[{key}]", problem.Field);
        Assert.Contains("chosen subnets", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("caf\u00e9")]
    [InlineData("build-\u0663")]
    [InlineData("line\n")]
    public void Tag_text_is_ascii_on_one_line(string text)
    {
        Assert.Single(Validate(TestPrograms.PlatformArgs() with { Tags = Tags(text) }));
        Assert.Single(Validate(TestPrograms.PlatformArgs() with { Tags = new Dictionary<string, string> { ["team"] = text } }));
    }

    [Theory]
    [InlineData("kubernetes.io/cluster/gpu-test")]
    [InlineData("kubernetes.io/clusterx")] // upstream: !k.startsWith('kubernetes.io/cluster'), no slash
    [InlineData("eks:eks-cluster-name")]
    [InlineData("karpenter.sh/nodepool")]
    [InlineData("karpenter.sh/nodeclaim")]
    [InlineData("karpenter.k8s.aws/ec2nodeclass")]
    public void Stack_tags_the_ec2nodeclass_refuses_are_refused_when_a_pool_uses_karpenter(string key)
    {
        var karpenter = TestPrograms.KarpenterPlatformArgs(TestPrograms.KarpenterPool("t4", KarpenterMode.OverlayShared)) with { Tags = Tags(key) };
        var nodeGroupsOnly = TestPrograms.PlatformArgs() with { Tags = Tags(key) };

        var problem = Assert.Single(Validate(karpenter));
        Assert.Equal($"Tags[{key}]", problem.Field);
        Assert.Contains("EC2NodeClass of pool 't4'", problem.Message, StringComparison.Ordinal);
        Assert.Empty(Validate(nodeGroupsOnly));
    }

    [Theory]
    [InlineData("Kubernetes.io/cluster/gpu-test")] // CEL compares exactly: other cases pass the CRD
    [InlineData("karpenter.sh/nodepools")]
    [InlineData("eks:eks-cluster-name-2")]
    public void Keys_the_crd_rules_do_not_match_exactly_are_allowed(string key) =>
        Assert.Empty(Validate(TestPrograms.KarpenterPlatformArgs(TestPrograms.KarpenterPool("t4", KarpenterMode.OverlayShared)) with { Tags = Tags(key) }));

    [Fact]
    public void Pool_and_karpenter_tags_the_ec2nodeclass_refuses_are_refused_under_their_own_field()
    {
        var pool = TestPrograms.KarpenterPool("t4", KarpenterMode.OverlayShared) with { Tags = Tags("karpenter.sh/nodeclaim") };
        var args = TestPrograms.KarpenterPlatformArgs(pool) with { Karpenter = new KarpenterOptions { Enabled = true, Tags = Tags("eks:eks-cluster-name") } };

        var fields = Validate(args).Select(p => p.Field).ToList();

        Assert.Equal(["GpuPools[t4].Tags[karpenter.sh/nodeclaim]", "Karpenter.Tags[eks:eks-cluster-name]"], fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Component_tags_that_collide_with_stack_or_karpenter_tags_are_refused_instead_of_crashing_the_merge()
    {
        var pool = TestPrograms.KarpenterPlatformArgs(TestPrograms.KarpenterPool("t4", KarpenterMode.OverlayShared)).GpuPools[0] with { Tags = Tags("owner", "Tier") };
        var args = TestPrograms.KarpenterPlatformArgs(pool) with
        {
            Tags = Tags("team"),
            Network = new NetworkOptions { Tags = Tags("team") },
            Cluster = new ClusterOptions { Name = "gpu-test", Tags = Tags("TEAM") },
            Karpenter = new KarpenterOptions { Enabled = true, Tags = Tags("tier") },
        };

        var fields = Validate(args).Select(p => p.Field).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["Cluster.Tags[TEAM]", "GpuPools[t4].Tags[Tier]", "Network.Tags[team]"], fields);
    }

    [Fact]
    public void Components_accept_the_tags_the_platform_passes_down()
    {
        // The platform hands its gpu-slicing-infra/ tags to every component, which validate them again.
        var program = TestPrograms.Platform(TestPrograms.KarpenterPlatformArgs(TestPrograms.KarpenterPool("t4", KarpenterMode.OverlayShared)) with { Tags = Tags("team") });

        Assert.Equal("test", ParsedProgram.At(program.Resource("karpenter-nodeclass-t4"), "properties", "spec", "tags", "gpu-slicing-infra/environment"));
    }

    private static Dictionary<string, string> Tags(params string[] keys) => keys.ToDictionary(k => k, _ => "x", StringComparer.Ordinal);

    private static IReadOnlyList<ArgsProblem> Validate(GpuSlicingPlatformOptions args) => args.Validate();
}

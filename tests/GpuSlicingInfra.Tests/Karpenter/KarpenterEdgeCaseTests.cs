using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Platform;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Review;
using GpuSlicingInfra.Review.Plan;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Karpenter;

/// <summary>
/// Reported Karpenter behaviours with shared GPUs, replayed: each test is the failing input and the value that
/// makes it behave.
/// </summary>
public sealed class KarpenterEdgeCaseTests
{
    private static Dictionary<string, string> Capacity(ParsedProgram program, string overlay) =>
        ((YamlMappingNode)ParsedProgram.Node(program.Resource(overlay), "properties.spec.capacity")).Children
            .ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!);

    [Fact]
    public void Shared_pools_declare_the_shared_resource_per_gpu_count_and_zero_whole_gpus()
    {
        // bottlerocket-os/bottlerocket#4250: a pod asking for nvidia.com/gpu with a catch-all toleration made Karpenter
        // launch a node of a renaming pool (EC2 says it has a GPU); the node never registers nvidia.com/gpu, so the
        // NodeClaim never initializes.
        var program = KarpenterCrdConformanceTests.Load("all-modes");

        Assert.Equal(new Dictionary<string, string> { ["nvidia.com/gpu"] = "0", ["nvidia.com/gpu.shared"] = "4" },
            Capacity(program, "karpenter-overlay-shared-gpus-1"));
        Assert.Equal(new Dictionary<string, string> { ["nvidia.com/gpu"] = "0", ["nvidia.com/gpu.shared"] = "16" },
            Capacity(program, "karpenter-overlay-shared-gpus-4"));
        // overlay-override declares the slices as nvidia.com/gpu itself, which must stay non-zero.
        Assert.Equal(new Dictionary<string, string> { ["nvidia.com/gpu"] = "4" }, Capacity(program, "karpenter-overlay-override-gpus-1"));
        Assert.DoesNotContain(program.ResourceNames, n => n.StartsWith("karpenter-overlay-plain", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_still_reads_the_zeroing_overlay_as_overlay_shared()
    {
        var program = new PulumiProgram("test", SettingsBinder.TopLevelKeys());
        _ = new GpuSlicingPlatform(program, "", TestPrograms.KarpenterPlatformArgs(
            TestPrograms.KarpenterPool("shared", KarpenterMode.OverlayShared, "g4dn.xlarge", "g4dn.12xlarge")));

        var plan = PlanBuilder.Build(ProgramSnapshot.Parse(ProgramWriter.Write(program), "shared.yaml"), ReviewContext.None, FixedClock.Today);

        var shared = Assert.Single(plan.Pools, p => p.Pool == "shared");
        Assert.Equal(("overlay-shared", "nvidia.com/gpu.shared"), (shared.KarpenterMode, shared.ResourceName));
    }

    [Theory]
    [InlineData(new[] { "g4dn.xlarge" }, 1)]
    [InlineData(new[] { "g4dn.xlarge", "g4dn.12xlarge" }, 4)]
    public void The_plain_mode_warning_says_which_pods_stay_pending(string[] instanceTypes, int largestGpuCount)
    {
        // aws/karpenter-provider-aws#9070: Karpenter fits a pod against the instance's physical GPUs, so a pod asking
        // for more slices than that, or one slice in each of several containers, finds no instance type.
        var options = TestPrograms.KarpenterPlatformArgs(TestPrograms.KarpenterPool("plain", KarpenterMode.Plain, instanceTypes));

        var warning = Assert.Single(KarpenterWarnings.For(options), w => w.Field.EndsWith(".Karpenter.Mode", StringComparison.Ordinal));

        Assert.Contains($"more than {largestGpuCount} nvidia.com/gpu", warning.Message, StringComparison.Ordinal);
        Assert.Contains("several containers", warning.Message, StringComparison.Ordinal);
        Assert.Contains("stays Pending", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pools_for_notebooks_and_long_jobs_keep_their_pods()
    {
        var program = KarpenterCrdConformanceTests.Load("no-eviction");

        Assert.Equal("WhenEmpty", ParsedProgram.Scalar(program.Resource("karpenter-nodepool-notebooks"), "properties.spec.disruption.consolidationPolicy"));
        Assert.Equal("10m", ParsedProgram.Scalar(program.Resource("karpenter-nodepool-notebooks"), "properties.spec.disruption.consolidateAfter"));
        Assert.Equal("WhenEmptyOrUnderutilized", ParsedProgram.Scalar(program.Resource("karpenter-nodepool-training"), "properties.spec.disruption.consolidationPolicy"));
        Assert.Equal("Never", ParsedProgram.Scalar(program.Resource("karpenter-nodepool-training"), "properties.spec.disruption.consolidateAfter"));
    }

    [Fact]
    public void The_stack_file_keys_bind_the_policy_and_never()
    {
        var pool = BindPool("      karpenterConsolidationPolicy: WhenEmpty\n      karpenterConsolidateAfter: Never");

        Assert.Equal(KarpenterConsolidationPolicy.WhenEmpty, pool.Karpenter!.ConsolidationPolicy);
        Assert.True(pool.Karpenter.NeverConsolidates);
        Assert.Equal(Timeout.InfiniteTimeSpan, pool.Karpenter.ConsolidateAfter);
    }

    [Theory]
    [InlineData("karpenterConsolidationPolicy: Balanced", "karpenterConsolidationPolicy", "WhenEmpty")]
    [InlineData("karpenterConsolidateAfter: never", "karpenterConsolidateAfter", "or Never to turn consolidation off")]
    [InlineData("karpenterExpireAfter: Never", "karpenterExpireAfter", "is not a duration")]
    public void Wrong_spellings_and_never_where_it_does_not_apply_are_refused_at_their_key(string line, string key, string expected)
    {
        var problems = Assert.Throws<ConfigException>(() => BindPool("      " + line)).Problems;

        var problem = Assert.Single(problems);
        Assert.Equal($"gpu-slicing-infra:gpuPools.t4.{key}", problem.KeyPath);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Karpenter_keys_on_a_pool_without_karpenter_are_errors_not_silence()
    {
        var yaml = StackFixtures.MinimalYaml()
            .Replace("      profile: ts-4", "      profile: ts-4\n      karpenterConsolidationPolicy: WhenEmpty\n      karpenterMaxNodes: 3", StringComparison.Ordinal);

        var problems = Assert.Throws<ConfigException>(() => SettingsBinder.Bind(StackFixtures.Inline(yaml))).Problems;

        Assert.Equal(["gpu-slicing-infra:gpuPools.t4.karpenterConsolidationPolicy", "gpu-slicing-infra:gpuPools.t4.karpenterMaxNodes"],
            problems.Select(p => p.KeyPath).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.Contains("set provisioner: karpenter or both", p.Message, StringComparison.Ordinal));
    }

    private static GpuPoolOptions BindPool(string lines)
    {
        var yaml = StackFixtures.MinimalYaml("  gpu-slicing-infra:karpenter:\n    enabled: true")
            .Replace("replicas: 4", "replicas: 4\n        renameByDefault: true", StringComparison.Ordinal)
            .Replace("      profile: ts-4", "      profile: ts-4\n      provisioner: karpenter\n      karpenterMode: overlay-shared\n" + lines, StringComparison.Ordinal);
        return Assert.Single(SettingsBinder.Bind(StackFixtures.Inline(yaml)).Platform.GpuPools);
    }
}

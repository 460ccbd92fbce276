using GpuSlicingInfra.Review.Plan;
using GpuSlicingInfra.Review.Policy;
using GpuSlicingInfra.Review.Policy.Rules;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Sharing;

/// <summary>
/// Advice from the measurements (README, "Time-slicing, MPS or MIG"): latency-sensitive work on a pool that takes
/// turns on its GPUs is a warning in plan and validate that names the strategy to use, at the profile's key.
/// </summary>
public sealed class SharingAdviceTests
{
    private static (IReadOnlyList<PlanWarning> Plan, IReadOnlyList<PolicyFinding> Validate) Advice(string profile, string pool)
    {
        var (settings, program) = ReviewFixtures.Compile(StackFixtures.Inline(SharingStacks.Yaml(profile, pool)));
        var plan = ReviewFixtures.Plan(settings, program, FixedClock.Today).Warnings.Where(w => w.Code == "sharing-advice").ToList();
        var findings = new SharingAdviceRule().Check(ReviewFixtures.Policy(settings, program)).ToList();
        return (plan, findings);
    }

    [Fact]
    public void Latency_sensitive_work_on_a_time_sliced_a10g_is_told_to_use_mps_with_the_measured_figures()
    {
        var (plan, validate) = Advice("replicas: 4", "instanceTypes: [g5.xlarge]\nlatencySensitive: true");

        var warning = Assert.Single(plan);
        Assert.Contains("time-slices each NVIDIA A10G 4 ways", warning.Message, StringComparison.Ordinal);
        Assert.Contains("about 4× as long", warning.Message, StringComparison.Ordinal);
        Assert.Contains("19× slower", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Use an MPS profile", warning.Message, StringComparison.Ordinal);
        // An A10G cannot be partitioned: MIG is not offered.
        Assert.DoesNotContain("MIG", warning.Message, StringComparison.Ordinal);
        Assert.Equal("gpu-slicing-infra:devicePlugin.profiles.p.strategy", warning.KeyPath);
        var finding = Assert.Single(validate);
        Assert.Equal(("GSI015", PolicySeverity.Warning, warning.Message), (finding.RuleId, finding.Severity, finding.Message));
        Assert.Equal(warning.KeyPath, finding.KeyPath);
    }

    [Fact]
    public void On_a_gpu_with_mig_the_advice_also_names_mig()
    {
        var (plan, _) = Advice("replicas: 2", "instanceTypes: [p4d.24xlarge]\nlatencySensitive: true");

        Assert.Contains("or MIG (NVIDIA A100 partitions into isolated devices)", Assert.Single(plan).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("strategy: mps\nreplicas: 4", "instanceTypes: [g5.xlarge]\nlatencySensitive: true")]
    [InlineData("strategy: mig\nmigConfig: all-1g.10gb", "instanceTypes: [p4d.24xlarge]\nlatencySensitive: true")]
    [InlineData("replicas: 4", "instanceTypes: [g5.xlarge]")]
    public void Mps_own_mig_devices_and_pools_not_declared_latency_sensitive_get_no_advice(string profile, string pool)
    {
        var (plan, validate) = Advice(profile, pool);

        Assert.Empty(plan);
        Assert.Empty(validate);
    }

    [Fact]
    public void Time_sliced_mig_devices_on_a_latency_sensitive_pool_are_advised_against_at_the_replicas_key()
    {
        var (plan, _) = Advice("strategy: mig\nmigConfig: all-1g.10gb\nreplicas: 3", "instanceTypes: [p4d.24xlarge]\nlatencySensitive: true");

        var warning = Assert.Single(plan);
        Assert.Contains("time-slices each MIG device 3 ways", warning.Message, StringComparison.Ordinal);
        Assert.Equal("gpu-slicing-infra:devicePlugin.profiles.p.replicas", warning.KeyPath);
    }

    [Fact]
    public void The_declaration_is_a_node_label_pods_can_select_and_users_cannot_set_by_hand()
    {
        var program = SharingStacks.Program(SharingStacks.Yaml("replicas: 4", "instanceTypes: [g5.xlarge]\nlatencySensitive: true"));
        var plain = SharingStacks.Program(SharingStacks.Yaml("replicas: 4", "instanceTypes: [g5.xlarge]"));

        Assert.Equal("true", ParsedProgram.Scalar(program.Resource("gpu-gpu-nodes"), "properties.labels.gpu-slicing-infra/latency-sensitive"));
        Assert.False(ParsedProgram.Has(plain.Resource("gpu-gpu-nodes"), "properties.labels.gpu-slicing-infra/latency-sensitive"));
        var problems = SharingStacks.Problems(SharingStacks.Yaml("replicas: 4", "instanceTypes: [g5.xlarge]\nlabels:\n  gpu-slicing-infra/latency-sensitive: \"true\""));
        Assert.Contains(problems, p => p.KeyPath == "gpu-slicing-infra:gpuPools.gpu.labels.gpu-slicing-infra/latency-sensitive");
    }
}

using GpuSlicingInfra.Review.Plan;
using GpuSlicingInfra.Review.Policy;
using GpuSlicingInfra.Review.Policy.Rules;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Sharing;

/// <summary>plan and validate describe MPS and MIG pools as what they are, not as time-slicing.</summary>
public sealed class SharingPlanTests
{
    private static StackPlan Plan(string yaml)
    {
        var (settings, program) = ReviewFixtures.Compile(StackFixtures.Inline(yaml));
        return ReviewFixtures.Plan(settings, program, FixedClock.Today);
    }

    [Fact]
    public void A_managed_mig_pool_shows_its_devices_and_slices()
    {
        var plan = Plan(SharingStacks.Yaml("strategy: mig\nmigConfig: all-1g.10gb", "instanceTypes: [p4d.24xlarge]\nminSize: 1\ndesiredSize: 2\nmaxSize: 2"));

        var pool = Assert.Single(plan.Pools);
        Assert.Equal("mig", pool.Strategy);
        Assert.Equal(new Dictionary<string, int> { ["1g.10gb"] = 4 }, pool.MigDevicesPerGpu);
        Assert.Equal(4, pool.Replicas);
        Assert.Equal(64, pool.AdvertisedSlices.Desired);
        Assert.Contains(PlanBuilder.MigNote, plan.Notes);
    }

    [Fact]
    public void A_karpenter_mixed_mig_pool_reads_its_devices_from_the_node_class()
    {
        var plan = Plan(SharingStacks.Yaml("strategy: mig\nmigConfig: all-balanced\nmigStrategy: mixed",
            "provisioner: karpenter\nkarpenterMode: overlay-override\nkarpenterMaxNodes: 2\ninstanceTypes: [p5.48xlarge]", karpenter: true));

        var pool = Assert.Single(plan.Pools);
        Assert.Equal(new Dictionary<string, int> { ["1g.10gb"] = 2, ["2g.20gb"] = 1, ["3g.40gb"] = 1 }, pool.MigDevicesPerGpu);
        Assert.Equal(64, pool.AdvertisedSlices.Max);
        Assert.Equal("overlay-override", pool.Karpenter!.Mode);
        Assert.Equal("nvidia.com/mig-<profile>", pool.Karpenter.PodResource);
    }

    [Fact]
    public void Mps_pools_get_the_mps_note_and_time_slicing_only_pools_do_not()
    {
        var mps = Plan(SharingStacks.Yaml("strategy: mps\nreplicas: 4", "instanceTypes: [g5.xlarge]"));
        var timeSliced = Plan(SharingStacks.Yaml("replicas: 4", "instanceTypes: [g5.xlarge]"));

        Assert.Contains(PlanBuilder.MpsNote, mps.Notes);
        Assert.DoesNotContain(PlanBuilder.MpsNote, timeSliced.Notes);
        Assert.DoesNotContain(PlanBuilder.MigNote, timeSliced.Notes);
    }

    [Fact]
    public void Replicas_above_gpu_memory_on_mps_say_that_mps_limits_each_client()
    {
        var (settings, program) = ReviewFixtures.Compile(StackFixtures.Inline(SharingStacks.Yaml("strategy: mps\nreplicas: 32", "instanceTypes: [g4dn.8xlarge]")));
        var findings = new SharingReplicasRule().Check(ReviewFixtures.Policy(settings, program)).ToList();
        var warning = Assert.Single(ReviewFixtures.Plan(settings, program, FixedClock.Today).Warnings, w => w.Code == "replicas-above-gpu-memory");

        var finding = Assert.Single(findings, f => f.Severity == PolicySeverity.Warning);
        Assert.Contains("MPS limits each client", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("time-slicing", finding.Message, StringComparison.Ordinal);
        Assert.Contains("MPS limits each client", warning.Message, StringComparison.Ordinal);
    }
}

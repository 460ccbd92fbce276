using GpuSlicingInfra.Review;
using GpuSlicingInfra.Review.Plan;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Verify;

/// <summary>The labels and taints verify expects on a pool's nodes, read from the program (prod: node groups and a NodePool).</summary>
public sealed class PoolNodeSettingsTests
{
    [Fact]
    public void A_node_group_taint_is_spelt_as_on_the_node_and_both_provisioners_keep_their_own()
    {
        var (_, program) = ReviewFixtures.Shipped("prod");

        var pools = PoolNodeSettings.Of(ReviewFixtures.Snapshot(program), ReviewContext.None);

        var inference = pools.Single(p => p.Pool == "inference-t4");
        // EKS's NO_SCHEDULE is the node's NoSchedule.
        Assert.Equal([new NodeTaint("nvidia.com/gpu", "true", "NoSchedule")], inference.ManagedNodeGroup!.Taints);
        Assert.Equal("ts-4", inference.ManagedNodeGroup.Labels["nvidia.com/device-plugin.config"]);
        Assert.Equal("inference-t4", inference.Karpenter!.Labels["gpu-slicing-infra/pool"]);
        Assert.Equal("inference-t4", inference.NodePoolName);
        var training = pools.Single(p => p.Pool == "training-a10g");
        Assert.Null(training.Karpenter);
        Assert.Null(training.NodePoolName);
        Assert.Equal("nvidia.com/gpu=true:NoSchedule", training.ManagedNodeGroup!.Taints.Single().ToString());
    }

    [Fact]
    public void Pools_come_in_the_plan_order_under_the_plan_names()
    {
        var (_, program) = ReviewFixtures.Shipped("prod");
        var snapshot = ReviewFixtures.Snapshot(program);

        var plan = PlanBuilder.Build(snapshot, ReviewContext.None, FixedClock.Today);

        Assert.Equal(plan.Pools.Select(p => p.Pool), PoolNodeSettings.Of(snapshot, ReviewContext.None).Select(p => p.Pool));
    }
}

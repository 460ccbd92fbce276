using GpuSlicingInfra.Components.Platform;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Review;
using GpuSlicingInfra.Review.Plan;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Review;

/// <summary>Two platforms in one program (components/README.md) are planned whole, even when their pools share a name.</summary>
public sealed class SeveralPlatformsPlanTests
{
    [Fact]
    public void Each_platforms_pool_of_the_same_name_is_counted_and_priced()
    {
        var program = new PulumiProgram("p", []);
        _ = new GpuSlicingPlatform(program, "ml", TestPrograms.PlatformArgs());
        _ = new GpuSlicingPlatform(program, "research", TestPrograms.PlatformArgs() with
        {
            Cluster = TestPrograms.PlatformArgs().Cluster with { Name = "gpu-research" },
        });

        var plan = PlanBuilder.Build(ProgramSnapshot.From(program, "test"), ReviewContext.None, new DateOnly(2026, 1, 1));

        Assert.Equal(["t4", "research-gpu-t4-nodes"], plan.Pools.Select(p => p.Pool));
        var one = plan.Pools[0];
        Assert.Equal(one.PhysicalGpus.Max * 2, plan.Totals.PhysicalGpus.Max);
        Assert.Equal(one.AtMax.Hourly * 2, plan.Pools.Sum(p => p.AtMax.Hourly));
    }
}

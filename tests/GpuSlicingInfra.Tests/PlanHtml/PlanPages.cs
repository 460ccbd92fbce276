using GpuSlicingInfra.Review.Plan;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.PlanHtml;

/// <summary>Plans the HTML tests draw: the strategies sample has a pool of each kind (time-slicing, MPS, MIG single and mixed).</summary>
internal static class PlanPages
{
    /// <summary>Markup in a warning, as a hostile stack could put there: it must read as text.</summary>
    public const string HostileMessage = "<img src=x onerror=alert(1)><script>alert(2)</script> & \"quoted\" 'single'";

    public static StackPlan Strategies()
    {
        var (settings, program) = ReviewFixtures.Compile(StackFileReader.Read(Path.Combine(RepoPaths.Root, "samples", "SharingStrategies"), "inference"));
        return ReviewFixtures.Plan(settings, program, FixedClock.Today);
    }

    public static StackPlan WithHostileWarning(StackPlan plan) =>
        plan with { Warnings = [.. plan.Warnings, new PlanWarning("hostile</code>", HostileMessage, "key<path>")] };
}

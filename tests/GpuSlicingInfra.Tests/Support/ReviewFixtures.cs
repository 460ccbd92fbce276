using GpuSlicingInfra.Stacks;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Review;
using GpuSlicingInfra.Review.Cost;
using GpuSlicingInfra.Review.Plan;
using GpuSlicingInfra.Review.Policy;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Stacks.StackReview;

namespace GpuSlicingInfra.Tests.Support;

/// <summary>Settings and program text of a stack, for plan, diff and policy tests that edit the emitted program.</summary>
internal static class ReviewFixtures
{
    public static (StackSettings Settings, string Program) Compile(StackConfig config) =>
        (SettingsBinder.Bind(config), StackProgram.Compile(config));

    public static (StackSettings Settings, string Program) Shipped(string stack) => Compile(StackFixtures.Shipped(stack));

    public static ProgramSnapshot Snapshot(string program) => ProgramSnapshot.Parse(program, "test");

    /// <summary>The plan of a stack's (possibly edited) program, with the stack's review context.</summary>
    public static StackPlan Plan(StackSettings settings, string program, DateOnly today, IPriceSource? prices = null) =>
        PlanBuilder.Build(Snapshot(program), StackReviewContext.For(settings), today, prices);

    /// <summary>The policy context of a stack's (possibly edited) program.</summary>
    public static PolicyContext Policy(StackSettings settings, string program) => new(Snapshot(program), StackReviewContext.For(settings));

    /// <summary>Replaces text that must occur (a fixture edit that silently misses would make a test pass for nothing).</summary>
    public static string Edit(string program, string find, string replace)
    {
        Assert.Contains(find, program, StringComparison.Ordinal);
        return program.Replace(find, replace, StringComparison.Ordinal);
    }
}

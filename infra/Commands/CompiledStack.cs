using GpuSlicingInfra.Review;
using GpuSlicingInfra.Stacks;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Stacks.StackReview;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary>A stack's settings, its program read back as Pulumi will read it, and its review context (the input of plan and validate).</summary>
internal sealed record CompiledStack(StackSettings Settings, ProgramSnapshot Program)
{
    /// <summary>What the stack's settings add to a review of its program.</summary>
    public ReviewContext Context => StackReviewContext.For(Settings);

    /// <exception cref="ConfigException">With every config problem.</exception>
    public static CompiledStack From(StackConfig config)
    {
        var settings = SettingsBinder.Bind(config);
        return new CompiledStack(settings, ProgramSnapshot.From(StackProgram.Build(settings), $"program of stack {config.StackName}"));
    }
}

using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Stacks;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Review;
using GpuSlicingInfra.Stacks.Settings;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary>A stack's settings and its program, read back as Pulumi will read it (the input of plan and validate).</summary>
internal sealed record CompiledStack(StackSettings Settings, ProgramSnapshot Program)
{
    /// <exception cref="ConfigException">With every config problem.</exception>
    public static CompiledStack From(StackConfig config)
    {
        var settings = SettingsBinder.Bind(config);
        var text = ProgramWriter.Write(StackProgram.Build(settings));
        return new CompiledStack(settings, ProgramSnapshot.Parse(text, $"program of stack {config.StackName}"));
    }
}

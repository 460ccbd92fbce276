using GpuSlicingInfra.Cli.Commands;
using GpuSlicingInfra.Stacks;

namespace GpuSlicingInfra.Cli.Cli;

/// <summary>
/// Pulumi's call: the compiler with no arguments (pulumi-yaml <c>pkg/pulumiyaml/run.go</c>, <c>LoadFromCompiler</c>), with
/// <c>PULUMI_STACK</c> for a run and without it for plugin discovery (<c>pkg/server/server.go</c>, <c>GetRequiredPackages</c>),
/// so twice per preview; <c>infra/pulumi-compiler</c> adds <c>--project-dir</c> with an absolute path. That call compiles and
/// prints without building the command-line parser or any console, whose start-up was most of the native binary's time.
/// </summary>
internal static class CompilerFastPath
{
    private const string ProjectDirOption = "--project-dir";

    /// <summary>
    /// Whether the parser would run the root command with only these defaults: no <c>--verbose</c>, no <c>--stack</c>,
    /// and a project directory (if any) that the parser cannot read as anything but a value.
    /// </summary>
    public static bool Applies(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Count == 0 || (args.Count == 2 && args[0] == ProjectDirOption && Path.IsPathFullyQualified(args[1]));
    }

    /// <summary>Compiles the stack Pulumi names in the environment; the caller checked <see cref="Applies"/>.</summary>
    public static int Run(IReadOnlyList<string> args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        return App.Guard(context, verbose: false, () => Compile(context, args.Count == 2 ? args[1] : context.WorkingDirectory, null));
    }

    /// <summary>The root command's body, shared by the parser and this path so the two cannot print different bytes.</summary>
    public static int Compile(CliContext context, string directory, string? stackOption)
    {
        var config = StackLoader.FromEnvironment(context.Environment, directory, stackOption);
        ProgramOutput.Write(StackProgram.Compile(config), null, context.Out);
        return ExitCodes.Ok;
    }
}

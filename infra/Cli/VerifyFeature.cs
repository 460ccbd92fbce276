using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using GpuSlicingInfra.Cli.Commands;

namespace GpuSlicingInfra.Cli.Cli;

/// <summary>
/// Whether this build carries <c>verify</c>. Its Kubernetes client nearly triples the native binary (8.5 to 24.6 MB) and
/// a native program pays at every start for all the code it holds, used or not: about twice the CPU time per compile,
/// which Pulumi waits for on every preview. So the native builds the compiler runs as (infra/pulumi-compiler, the .NET
/// tool's per-platform packages) are published with <c>-p:VerifyCommand=false</c>, and the trimmer removes the command
/// with everything only it reaches; JIT builds load the client only when verify runs, and keep it.
/// </summary>
internal static class VerifyFeature
{
    private const string Switch = "GpuSlicingInfra.Verify.IsSupported";

    /// <summary>False in a build published with <c>-p:VerifyCommand=false</c>; true otherwise.</summary>
    [FeatureSwitchDefinition(Switch)]
    public static bool IsSupported => !AppContext.TryGetSwitch(Switch, out var enabled) || enabled;

    /// <summary>The <c>verify</c> of a build without it: says where to find it and exits 2, whatever the arguments.</summary>
    public static Command Unavailable(CliContext context)
    {
        var command = new Command("verify", VerifyCommand.Description)
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(_ =>
        {
            context.Error.WriteLine("error: this native build leaves out verify so that the compiler starts fast. Run it from the JIT build: "
                + "`dotnet run --project infra -- verify …` in a clone, or `dotnet <tool folder>/gpu-slicing-infra.dll verify …` from the framework-dependent tool package.");
            return ExitCodes.Usage;
        });
        return command;
    }
}

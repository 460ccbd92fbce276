using System.CommandLine;
using System.Runtime.CompilerServices;
using GpuSlicingInfra.Cli.Commands;
using GpuSlicingInfra.Components;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Cli.Cli;

/// <summary>
/// The command line. With no command it is the Pulumi YAML compiler; <c>synth</c> prints a stack's
/// program for review. Errors go to stderr, one line per problem, and stdout stays empty.
/// </summary>
public static class App
{
    /// <summary>Runs the command line and returns the exit code.</summary>
    public static int Run(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CompilerFastPath.Applies(args) ? CompilerFastPath.Run(args, context) : Parse(args, context);
    }

    /// <summary>Every command line through System.CommandLine.</summary>
    // Not inlined: the JIT build loads the parser's assembly only when this method is compiled, never on Pulumi's call.
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int Parse(string[] args, CliContext context)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Show stack traces of internal errors.", Recursive = true };
        var projectDir = NonEmptyValue.Required(new Option<string?>("--project-dir") { Description = "Directory with Pulumi.<stack>.yaml files. Default: the working directory.", Recursive = true });
        var stackForDiscovery = NonEmptyValue.Required(new Option<string?>("--stack") { Description = "Stack file to use when Pulumi runs the compiler without stack variables." });

        var root = new RootCommand("gpu-slicing-infra: compiles a stack's config into a Pulumi YAML program for GPU time-slicing on EKS. " +
            "Without a command it runs as Pulumi's YAML compiler (reads PULUMI_STACK and PULUMI_CONFIG).")
        {
            verbose, projectDir, stackForDiscovery,
        };
        root.SetAction(parse => Guard(context, parse.GetValue(verbose), () =>
            CompilerFastPath.Compile(context, parse.GetValue(projectDir) ?? context.WorkingDirectory, parse.GetValue(stackForDiscovery))));
        root.Subcommands.Add(SynthCommand.Create(context, projectDir, verbose));
        root.Subcommands.Add(PlanCommand.Create(context, projectDir, verbose));
        root.Subcommands.Add(ValidateCommand.Create(context, projectDir, verbose));
        root.Subcommands.Add(ImportProvisionerCommand.Create(context, verbose));
        root.Subcommands.Add(VerifyFeature.IsSupported ? VerifyCommand.Create(context, projectDir, verbose) : VerifyFeature.Unavailable(context));

        // No @file response files: `--stack @secrets.txt` would read that file and echo its words in an error.
        var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                // Parse errors quote the offending token: escaped like every other message.
                context.Error.WriteLine($"error: {StackInputLimits.Printable(error.Message, 2000)}");
            }
            context.Error.WriteLine("Run with --help for usage.");
            return ExitCodes.Usage;
        }
        return parseResult.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error });
    }

    /// <summary>Runs a command body, turning every failure into stderr lines and an exit code.</summary>
    internal static int Guard(CliContext context, bool verbose, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (ConfigException e)
        {
            context.Error.WriteLine($"error: invalid stack config ({e.Problems.Count} problem{(e.Problems.Count == 1 ? "" : "s")}):");
            foreach (var problem in e.Problems)
            {
                // One line per problem, whatever the offending value holds.
                context.Error.WriteLine($"  {StackInputLimits.Printable(problem.ToString(), 2000)}");
            }
            return ExitCodes.InvalidInput;
        }
        catch (ArgsValidationException e)
        {
            context.Error.WriteLine($"error: {StackInputLimits.Printable(e.Message, 2000)}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"error: {StackInputLimits.Printable(e.Message, 2000)}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context.Error.WriteLine($"internal error: {e.GetType().Name}: {StackInputLimits.Printable(e.Message, 2000)}");
            context.Error.WriteLine(verbose ? e.ToString() : "Run again with --verbose for details, and please report it.");
            return ExitCodes.InternalError;
        }
    }
}

using System.CommandLine;
using GpuSlicingInfra.Cli.Cli;
using GpuSlicingInfra.Cli.Output;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Review.Policy;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary>
/// <c>validate --stack NAME [--strict] [--format text|json]</c>: config errors and policy findings, each with
/// rule id, severity and key path, on stdout. Exit 1 on any error (or any warning with --strict).
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context, Option<string?> projectDir, Option<bool> verbose)
    {
        var stack = NonEmptyValue.Required(new Option<string>("--stack") { Description = "Stack name: reads Pulumi.<stack>.yaml.", Required = true });
        var strict = new Option<bool>("--strict") { Description = "Fail on warnings too." };
        var format = FormatOption.Create();
        var command = new Command("validate", "Check a stack's config and the program it compiles to against the policy rules.") { stack, strict, format };
        command.SetAction(parse => App.Guard(context, parse.GetValue(verbose), () =>
        {
            var stackName = parse.GetValue(stack)!;
            var config = StackLoader.FromFile(context.Environment, parse.GetValue(projectDir) ?? context.WorkingDirectory, stackName);
            var report = Validate(config, stackName, parse.GetValue(strict));
            if (parse.GetValue(format) == FormatOption.Json)
            {
                ReportJson.Write(context.Out, report);
            }
            else
            {
                ValidateRenderer.Render(context.Out, report, ReportConsole.Width(context.Environment));
            }
            return report.Passed ? ExitCodes.Ok : ExitCodes.InvalidInput;
        }));
        return command;
    }

    private static ValidationReport Validate(StackConfig config, string stackName, bool strict)
    {
        CompiledStack compiled;
        try
        {
            compiled = CompiledStack.From(config);
        }
        catch (ConfigException e)
        {
            // Without valid settings there is no program to check: report the config problems alone.
            var problems = e.Problems.Select(p => new PolicyFinding("CONFIG", PolicySeverity.Error, p.Message, p.KeyPath)).ToList();
            return ValidationReport.Of(stackName, strict, 0, problems);
        }
        var findings = PolicyRules.Run(new PolicyContext(compiled.Settings, compiled.Program));
        return ValidationReport.Of(stackName, strict, PolicyRules.Default.Count, findings);
    }
}

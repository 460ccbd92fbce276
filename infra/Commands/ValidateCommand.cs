using System.CommandLine;
using GpuSlicingInfra.Cli.Cli;
using GpuSlicingInfra.Cli.Output;
using GpuSlicingInfra.Review;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Review.Policy;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary>
/// <c>validate (--stack NAME | --program FILE) [--strict] [--format text|json]</c>: config errors and policy findings,
/// each with rule id, severity and key path (a program file's findings name the resource instead, and prod-only
/// rules do not apply without a stack's environment), on stdout. Exit 1 on any error (or any warning with --strict).
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context, Option<string?> projectDir, Option<bool> verbose)
    {
        var strict = new Option<bool>("--strict") { Description = "Fail on warnings too." };
        var format = FormatOption.Create();
        var command = new Command("validate", "Check a stack's config and the program it compiles to, or a program file, against the policy rules.");
        var target = ReviewTarget.AddTo(command);
        command.Options.Add(strict);
        command.Options.Add(format);
        command.SetAction(parse => App.Guard(context, parse.GetValue(verbose), () =>
        {
            var report = parse.GetValue(target.Program) is { } programFile
                ? Validate(ProgramFile.Read(programFile), parse.GetValue(strict))
                : Validate(StackLoader.FromFile(context.Environment, parse.GetValue(projectDir) ?? context.WorkingDirectory, parse.GetValue(target.Stack)!),
                    parse.GetValue(target.Stack)!, parse.GetValue(strict));
            if (parse.GetValue(format) == FormatOption.Json)
            {
                ReportJson.Write(context.Out, report);
            }
            else
            {
                ValidateRenderer.Render(context.Out, report, target.Subject(parse), parse.GetValue(target.Program) is not null, ReportConsole.Width(context.Environment));
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
        var findings = PolicyRules.Run(new PolicyContext(compiled.Program, compiled.Context));
        return ValidationReport.Of(stackName, strict, PolicyRules.Default.Count, findings);
    }

    // A bare program: the context-free findings, named after the file.
    private static ValidationReport Validate(ProgramSnapshot program, bool strict) =>
        ValidationReport.Of(program.Source, strict, PolicyRules.Default.Count, PolicyRules.Run(new PolicyContext(program, ReviewContext.None)));
}

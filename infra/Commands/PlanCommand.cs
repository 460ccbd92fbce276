using System.CommandLine;
using GpuSlicingInfra.Cli.Cli;
using GpuSlicingInfra.Cli.Output;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Review;
using GpuSlicingInfra.Review.Diff;
using GpuSlicingInfra.Review.Plan;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary>
/// <c>plan (--stack NAME | --program FILE) [--against FILE | --against-ref REV] [--format text|json]</c>: the offline
/// view of a stack or a program file (resources by component, GPUs and slices per pool, cost, warnings), optionally
/// with the changes against an earlier program. A program file is planned without stack settings (no price
/// overrides, no settings warnings). The report goes to stdout; errors to stderr as for synth.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context, Option<string?> projectDir, Option<bool> verbose)
    {
        var against = NonEmptyValue.Required(new Option<string?>("--against") { Description = "A program file written earlier by synth: show what changes." });
        var againstRef = NonEmptyValue.Required(new Option<string?>("--against-ref") { Description = "A git revision: compile Pulumi.<stack>.yaml as it was there and show what changes." });
        var format = FormatOption.Create();
        var command = new Command("plan", "Show what a stack or program will create, its GPU slices and what it costs (offline).");
        var target = ReviewTarget.AddTo(command);
        command.Options.Add(against);
        command.Options.Add(againstRef);
        command.Options.Add(format);
        command.Validators.Add(result =>
        {
            if (result.GetValue(against) is not null && result.GetValue(againstRef) is not null)
            {
                result.AddError("--against and --against-ref cannot be combined.");
            }
            if (result.GetValue(againstRef) is not null && result.GetValue(target.Program) is not null)
            {
                result.AddError("--against-ref compiles a stack file as it was at a revision; it needs --stack, not --program.");
            }
        });
        command.SetAction(parse => App.Guard(context, parse.GetValue(verbose), () =>
        {
            var directory = parse.GetValue(projectDir) ?? context.WorkingDirectory;
            var (program, review) = parse.GetValue(target.Program) is { } programFile
                ? (ProgramFile.Read(programFile), ReviewContext.None)
                : Compile(context, directory, parse.GetValue(target.Stack)!);
            var plan = PlanBuilder.Build(program, review, context.Today);
            if (parse.GetValue(against) is { } file)
            {
                plan = plan with { Against = file, Diff = ProgramDiffer.Compare(ProgramFile.Read(file), program) };
            }
            else if (parse.GetValue(againstRef) is { } revision)
            {
                var stackName = parse.GetValue(target.Stack)!;
                var fileName = $"Pulumi.{stackName}.yaml";
                var config = StackFileReader.Parse(GitShow.Read(directory, revision, fileName), stackName, $"{revision}:{fileName}");
                plan = plan with { Against = $"{revision}:{fileName}", Diff = ProgramDiffer.Compare(CompiledStack.From(config).Program, program) };
            }

            if (parse.GetValue(format) == FormatOption.Json)
            {
                ReportJson.Write(context.Out, plan);
            }
            else
            {
                PlanRenderer.Render(context.Out, plan, target.Subject(parse), ReportConsole.Width(context.Environment));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static (ProgramSnapshot Program, ReviewContext Context) Compile(CliContext context, string directory, string stackName)
    {
        var stack = CompiledStack.From(StackLoader.FromFile(context.Environment, directory, stackName));
        return (stack.Program, stack.Context);
    }
}

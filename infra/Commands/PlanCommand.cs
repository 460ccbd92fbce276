using System.CommandLine;
using GpuSlicingInfra.Cli.Cli;
using GpuSlicingInfra.Cli.Output;
using GpuSlicingInfra.Components.Cost;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Review;
using GpuSlicingInfra.Stacks.Review.Diff;
using GpuSlicingInfra.Stacks.Review.Plan;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary>
/// <c>plan --stack NAME [--against FILE | --against-ref REV] [--format text|json]</c>: the offline view of a
/// stack (resources by component, GPUs and slices per pool, cost, warnings), optionally with the
/// changes against an earlier program. The report goes to stdout; errors to stderr as for synth.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context, Option<string?> projectDir, Option<bool> verbose)
    {
        var stack = NonEmptyValue.Required(new Option<string>("--stack") { Description = "Stack name: reads Pulumi.<stack>.yaml.", Required = true });
        var against = NonEmptyValue.Required(new Option<string?>("--against") { Description = "A program file written earlier by synth: show what changes." });
        var againstRef = NonEmptyValue.Required(new Option<string?>("--against-ref") { Description = "A git revision: compile Pulumi.<stack>.yaml as it was there and show what changes." });
        var format = FormatOption.Create();
        var command = new Command("plan", "Show what a stack will create, its GPU slices and what it costs (offline).") { stack, against, againstRef, format };
        command.Validators.Add(result =>
        {
            if (result.GetValue(against) is not null && result.GetValue(againstRef) is not null)
            {
                result.AddError("--against and --against-ref cannot be combined.");
            }
        });
        command.SetAction(parse => App.Guard(context, parse.GetValue(verbose), () =>
        {
            var directory = parse.GetValue(projectDir) ?? context.WorkingDirectory;
            var stackName = parse.GetValue(stack)!;
            var current = CompiledStack.From(StackLoader.FromFile(context.Environment, directory, stackName));
            var plan = PlanBuilder.Build(current.Settings, current.Program, new CatalogPriceSource(current.Settings.HourlyPriceOverrides), context.Today);
            if (parse.GetValue(against) is { } file)
            {
                var before = ProgramSnapshot.Parse(BoundedInput.ReadFile(file, file), file);
                plan = plan with { Against = file, Diff = ProgramDiffer.Compare(before, current.Program) };
            }
            else if (parse.GetValue(againstRef) is { } revision)
            {
                var fileName = $"Pulumi.{stackName}.yaml";
                var config = StackFileReader.Parse(GitShow.Read(directory, revision, fileName), stackName, $"{revision}:{fileName}");
                plan = plan with { Against = $"{revision}:{fileName}", Diff = ProgramDiffer.Compare(CompiledStack.From(config).Program, current.Program) };
            }

            if (parse.GetValue(format) == FormatOption.Json)
            {
                ReportJson.Write(context.Out, plan);
            }
            else
            {
                PlanRenderer.Render(context.Out, plan, ReportConsole.Width(context.Environment));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}

using System.CommandLine;
using GpuSlicingInfra.Cli.Cli;
using GpuSlicingInfra.Cli.Output;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Review;
using GpuSlicingInfra.Review.Diff;
using GpuSlicingInfra.Review.Plan;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary>
/// <c>plan (--stack NAME | --program FILE) [--against FILE | --against-ref REV] [--format text|json|html] [--out FILE]</c>:
/// the offline view of a stack or a program file (resources by component, GPUs and slices per pool, cost, warnings),
/// optionally with the changes against an earlier program. A program file is planned without stack settings (no price
/// overrides, no settings warnings). The report goes to stdout, or to <c>--out</c>'s file (html by default when it
/// ends in <c>.html</c>); errors to stderr as for synth.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context, Option<string?> projectDir, Option<bool> verbose)
    {
        var against = NonEmptyValue.Required(new Option<string?>("--against") { Description = "A program file written earlier by synth: show what changes." });
        var againstRef = NonEmptyValue.Required(new Option<string?>("--against-ref") { Description = "A git revision: compile Pulumi.<stack>.yaml as it was there and show what changes." });
        var format = FormatOption.Create(FormatOption.Html);
        var output = NonEmptyValue.Required(new Option<string?>("--out") { Description = "Write the report to this file instead of stdout; a name ending in .html makes html the default format." });
        var command = new Command("plan", "Show what a stack or program will create, its GPU slices and what it costs (offline).");
        var target = ReviewTarget.AddTo(command);
        command.Options.Add(against);
        command.Options.Add(againstRef);
        command.Options.Add(format);
        command.Options.Add(output);
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

            var outFile = parse.GetValue(output);
            var chosen = outFile is not null && parse.GetResult(format) is null or { Implicit: true } ? FormatOf(outFile) : parse.GetValue(format)!;
            if (outFile is null)
            {
                // Straight to stdout: the text report then fits a terminal it detects.
                Write(context.Out, plan, chosen, target.Subject(parse), ReportConsole.Width(context.Environment));
                return ExitCodes.Ok;
            }
            // A file gets the whole report at once, written as synth writes a program (replaced atomically, never through a link).
            var report = new StringWriter { NewLine = "\n" };
            Write(report, plan, chosen, target.Subject(parse), ReportConsole.Width(context.Environment));
            ProgramOutput.Write(report.ToString(), outFile, context.Out);
            context.Error.WriteLine($"plan: wrote {Path.GetFullPath(outFile)}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    // --out without --format: a page for a .html (or .htm) name, else the text report.
    private static string FormatOf(string file) =>
        Path.GetExtension(file).ToLowerInvariant() is ".html" or ".htm" ? FormatOption.Html : FormatOption.Text;

    private static void Write(TextWriter writer, StackPlan plan, string format, string subject, int? width)
    {
        switch (format)
        {
            case FormatOption.Json:
                ReportJson.Write(writer, plan);
                break;
            case FormatOption.Html:
                writer.Write(PlanHtml.Render(plan, subject));
                writer.Flush();
                break;
            default:
                PlanRenderer.Render(writer, plan, subject, width);
                break;
        }
    }

    private static (ProgramSnapshot Program, ReviewContext Context) Compile(CliContext context, string directory, string stackName)
    {
        var stack = CompiledStack.From(StackLoader.FromFile(context.Environment, directory, stackName));
        return (stack.Program, stack.Context);
    }
}

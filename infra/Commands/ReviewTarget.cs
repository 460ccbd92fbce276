using System.CommandLine;
using GpuSlicingInfra.Cli.Cli;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary>What <c>plan</c> and <c>validate</c> review: a stack by name (<c>--stack</c>) or a program file (<c>--program</c>), exactly one.</summary>
internal sealed class ReviewTarget
{
    private ReviewTarget(Option<string?> stack, Option<string?> program)
    {
        Stack = stack;
        Program = program;
    }

    /// <summary><c>--stack NAME</c>.</summary>
    public Option<string?> Stack { get; }

    /// <summary><c>--program FILE</c>.</summary>
    public Option<string?> Program { get; }

    /// <summary>What a report's title names: <c>stack NAME</c> or <c>program FILE</c>.</summary>
    public string Subject(ParseResult parse) =>
        parse.GetValue(Program) is { } file ? $"program {file}" : $"stack {parse.GetValue(Stack)}";

    /// <summary>Adds both options to <paramref name="command"/> and the check that exactly one is given.</summary>
    public static ReviewTarget AddTo(Command command)
    {
        var target = new ReviewTarget(
            NonEmptyValue.Required(new Option<string?>("--stack") { Description = "Stack name: reads Pulumi.<stack>.yaml." }),
            NonEmptyValue.Required(new Option<string?>("--program") { Description = "A Pulumi YAML program file (e.g. written by synth): reviewed on its own, without stack settings." }));
        command.Options.Add(target.Stack);
        command.Options.Add(target.Program);
        command.Validators.Add(result =>
        {
            if ((result.GetValue(target.Stack) is null) == (result.GetValue(target.Program) is null))
            {
                result.AddError("pass exactly one of --stack NAME and --program FILE.");
            }
        });
        return target;
    }
}

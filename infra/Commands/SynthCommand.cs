using System.CommandLine;
using GpuSlicingInfra.Cli.Cli;
using GpuSlicingInfra.Stacks;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary><c>synth --stack NAME [--out FILE]</c>: the program for a stack file, for review and tests.</summary>
internal static class SynthCommand
{
    public static Command Create(CliContext context, Option<string?> projectDir, Option<bool> verbose)
    {
        var stack = NonEmptyValue.Required(new Option<string>("--stack") { Description = "Stack name: reads Pulumi.<stack>.yaml.", Required = true });
        var outFile = NonEmptyValue.Required(new Option<string?>("--out") { Description = "Write the program to this file instead of stdout." });
        var command = new Command("synth", "Print the Pulumi YAML program of a stack file.") { stack, outFile };
        command.SetAction(parse => App.Guard(context, parse.GetValue(verbose), () =>
        {
            var config = StackLoader.FromFile(context.Environment, parse.GetValue(projectDir) ?? context.WorkingDirectory, parse.GetValue(stack)!);
            ProgramOutput.Write(StackProgram.Compile(config), parse.GetValue(outFile), context.Out);
            return ExitCodes.Ok;
        }));
        return command;
    }
}

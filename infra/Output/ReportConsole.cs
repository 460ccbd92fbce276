using Spectre.Console;

namespace GpuSlicingInfra.Cli.Output;

/// <summary>
/// A Spectre console over the command's stdout writer (never the process console), so reports are
/// testable and go where the caller says. Spectre detects a terminal only on the console's own
/// writers; on any other writer (the CLI's stdout writer, tests) output is plain text at a fixed
/// width, so pipes, files and tests never get escape codes or wrap at 80 columns.
/// </summary>
internal static class ReportConsole
{
    public const int PipedWidth = 160;

    public static IAnsiConsole Create(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        if (!console.Profile.Out.IsTerminal)
        {
            console.Profile.Width = PipedWidth;
            console.Profile.Capabilities.Ansi = false;
            console.Profile.Capabilities.ColorSystem = ColorSystem.NoColors;
        }
        return console;
    }
}

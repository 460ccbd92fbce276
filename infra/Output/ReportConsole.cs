using System.Globalization;
using GpuSlicingInfra.Cli.Cli;
using Spectre.Console;

namespace GpuSlicingInfra.Cli.Output;

/// <summary>
/// A Spectre console over the command's stdout writer (never the process console), so reports are
/// testable and go where the caller says. Spectre detects a terminal only on the console's own
/// writers; on any other writer (the CLI's stdout writer, tests) output is plain text, so pipes, files
/// and tests never get escape codes.
/// </summary>
internal static class ReportConsole
{
    /// <summary>Columns when the width is not known (a file, a pipe): fits a code review or a wide log view.</summary>
    public const int DefaultWidth = 120;

    /// <summary>Fewest columns honoured; below it no table is readable.</summary>
    public const int MinimumWidth = 40;

    /// <summary>
    /// The width to lay reports out in: <c>COLUMNS</c> when it is set to a number (shells export the
    /// terminal's width there), else null, meaning the terminal's own width, or <see cref="DefaultWidth"/>
    /// when the output is not a terminal.
    /// </summary>
    public static int? Width(IEnvironmentReader environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return int.TryParse(environment.Read("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0
            ? Math.Max(columns, MinimumWidth)
            : null;
    }

    public static IAnsiConsole Create(TextWriter writer, int? width)
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
            console.Profile.Width = width ?? DefaultWidth;
            console.Profile.Capabilities.Ansi = false;
            console.Profile.Capabilities.ColorSystem = ColorSystem.NoColors;
        }
        else if (width is { } columns)
        {
            console.Profile.Width = columns;
        }
        return console;
    }
}

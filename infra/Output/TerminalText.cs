using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Cli.Output;

/// <summary>
/// Text from a program or stack (names, values, paths) as it may appear in a human-readable report: control
/// characters (escape sequences, carriage returns, newlines) are written as <c>\uXXXX</c>, so a value cannot move
/// the cursor, recolour the terminal or forge a report line. JSON reports need none of this: the encoder escapes them.
/// </summary>
internal static class TerminalText
{
    public static string Safe(string? text) => text is null ? "" : StackInputLimits.Printable(text, int.MaxValue);
}

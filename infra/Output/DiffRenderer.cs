using GpuSlicingInfra.Review.Diff;

namespace GpuSlicingInfra.Cli.Output;

/// <summary>The text form of a program diff; renames are called out as replacements.</summary>
internal static class DiffRenderer
{
    public static void Render(TextWriter writer, ProgramDiff diff, string against)
    {
        writer.WriteLine(TerminalText.Safe($"Changes against {against}:"));
        if (diff.IsEmpty)
        {
            writer.WriteLine("  none: the programs declare the same resources with the same properties.");
            return;
        }
        foreach (var rename in diff.Renamed)
        {
            writer.WriteLine(TerminalText.Safe($"  ~ renamed: {rename.OldName} → {rename.NewName} ({rename.Type}), will REPLACE unless an alias is added"));
        }
        foreach (var added in diff.Added)
        {
            writer.WriteLine(TerminalText.Safe($"  + added: {added.Name} ({added.Type})"));
        }
        foreach (var removed in diff.Removed)
        {
            writer.WriteLine(TerminalText.Safe($"  - removed: {removed.Name} ({removed.Type})"));
        }
        foreach (var changed in diff.Changed)
        {
            writer.WriteLine(TerminalText.Safe($"  * changed: {changed.Name} ({changed.Type}): {string.Join(", ", changed.Paths)}"));
        }
    }
}

using YamlDotNet.Core;

namespace GpuSlicingInfra.Review;

/// <summary>A YAML syntax error in words a stack file's author can act on.</summary>
internal static class YamlSyntaxError
{
    /// <summary>
    /// The error for <paramref name="e"/> in <paramref name="text"/>. YAML indents with spaces only (YAML 1.2
    /// §6.1), and YamlDotNet reports a tab in the indentation at the scalar it was scanning, often lines above
    /// the tab: when a line's indentation holds a tab, that line is named instead.
    /// </summary>
    public static YamlInputException From(YamlException e, string text, string source)
    {
        var tabLine = text.Split('\n')
            .Select((line, index) => (Indentation: line[..(line.Length - line.TrimStart(' ', '\t').Length)], Number: index + 1))
            .FirstOrDefault(l => l.Indentation.Contains('\t', StringComparison.Ordinal));
        return tabLine.Number > 0
            ? new YamlInputException(source, $"not valid YAML at line {tabLine.Number}: its indentation holds a tab; YAML indents with spaces only.")
            : new YamlInputException(source, $"not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {InputText.OneLine(e.Message)}");
    }
}

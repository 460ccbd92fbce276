using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace GpuSlicingInfra.Components.Program;

/// <summary>How a string is written so that YAML (1.1 or 1.2) reads back exactly that string.</summary>
internal static partial class ScalarText
{
    /// <summary>Words some YAML parsers read as booleans or null.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    };

    /// <summary>A literal <c>${</c> in Pulumi YAML is written <c>$${</c>.</summary>
    public static string EscapeInterpolation(string text) =>
        text.Contains("${", StringComparison.Ordinal) ? text.Replace("${", "$${", StringComparison.Ordinal) : text;

    /// <summary>Plain when unambiguous, literal block for multi-line text, double-quoted otherwise.</summary>
    public static ScalarStyle StyleFor(string text)
    {
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            return ScalarStyle.Literal;
        }
        return SafePlain().IsMatch(text) && !Reserved.Contains(text) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
    }

    // Starts with a letter, '/' or '$' (references), no characters with YAML meaning, nothing numeric-looking.
    [GeneratedRegex(@"^(?:[A-Za-z/][A-Za-z0-9_./@-]*(?::[A-Za-z0-9_./@-]+)*|\$\{[^{}""'\n]+\})$")]
    private static partial Regex SafePlain();
}

using YamlDotNet.Core;

namespace GpuSlicingInfra.Components.Program;

/// <summary>How a string is written so that YAML (1.1 or 1.2) reads back exactly that string.</summary>
internal static class ScalarText
{
    /// <summary>Words some YAML parsers read as booleans or null.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    };

    /// <summary>
    /// Literal text as Pulumi YAML reads it back: every <c>$</c> doubled. The engine parses every string
    /// as an interpolation, reading <c>$$</c> as <c>$</c> and <c>${</c> as an expression (pulumi-yaml
    /// <c>pkg/pulumiyaml/ast/interpolation.go</c>, <c>parseInterpolate</c>), so escaping only <c>${</c>
    /// would turn <c>cost $$5</c> into <c>cost $5</c>.
    /// </summary>
    public static string EscapeInterpolation(string text) =>
        text.Contains('$', StringComparison.Ordinal) ? text.Replace("$", "$$", StringComparison.Ordinal) : text;

    /// <summary>Plain when unambiguous, literal block for multi-line text, double-quoted otherwise.</summary>
    public static ScalarStyle StyleFor(string text)
    {
        // A literal block carries only printable characters and '\n'; anything else needs double-quoted escapes.
        // Block scalars cannot start with a line break or blank: YAML would read the indentation differently.
        if (text.Contains('\n', StringComparison.Ordinal) && text[0] is not ('\n' or ' ' or '\t') && text.All(c => c == '\n' || (!char.IsControl(c) && c is not ('\u2028' or '\u2029' or '\uFEFF'))))
        {
            return ScalarStyle.Literal;
        }
        return IsSafePlain(text) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
    }

    // Conservative: starts with a letter, '/' or '$'; only characters without YAML meaning; no
    // ": " or " #" sequences; not a word YAML 1.1 reads as a boolean or null. Numbers never start
    // with a letter, so nothing numeric-looking ("1.30", "0777", ".inf") is written plain.
    private static bool IsSafePlain(string text)
    {
        if (text.Length == 0 || Reserved.Contains(text) || !(char.IsAsciiLetter(text[0]) || text[0] is '/' or '$'))
        {
            return false;
        }
        if (text[^1] is ' ' or ':' || text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is ' ' or '_' or '.' or '/' or '@' or ':' or '-' or '$' or '{' or '}' or '(' or ')' or '=' or '+' or ';'))
            {
                return false;
            }
        }
        return true;
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;
using YamlDotNet.Core;

namespace GpuSlicingInfra.Components.Program;

/// <summary>How a string is written so that YAML (1.1 or 1.2) reads back exactly that string.</summary>
internal static class ScalarText
{
    /// <summary>YAML's line breaks (YAML 1.1 section 5.4; YAML 1.2 reads the last three as ordinary characters).</summary>
    public static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\n\u0085\u2028\u2029");

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
    public static ScalarStyle StyleFor(string text) =>
        IsLiteralBlock(text) ? ScalarStyle.Literal : IsSafePlain(text) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;

    // A literal block carries only printable characters and '\n'; anything else needs double-quoted escapes. It cannot
    // start with a line break or blank (YAML would read the indentation differently), end with a space, or hold a
    // line of spaces only: a reader keeps neither trailing blanks at the end nor the spaces of a blank line reliably,
    // and YamlDotNet's emitter, this writer's reference, double-quotes those too (Emitter.AnalyzeScalar: trailing
    // space and lines of spaces forbid block styles).
    private static bool IsLiteralBlock(string text)
    {
        if (!text.Contains('\n', StringComparison.Ordinal) || text[0] is '\n' or ' ' or '\t' || text[^1] == ' ')
        {
            return false;
        }
        var previousBreak = false;
        var lineOfSpaces = false;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                if (lineOfSpaces)
                {
                    return false;
                }
                previousBreak = true;
            }
            else if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
            {
                return false;
            }
            else
            {
                lineOfSpaces = c == ' ' && (previousBreak || lineOfSpaces);
                previousBreak = false;
            }
        }
        return true;
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
    /// <summary>
    /// Appends <paramref name="text"/> double-quoted: '"', '\\', line breaks and characters outside YAML's printable set
    /// escaped (the short escapes where YAML has one, else \xXX, \uXXXX, or \UXXXXXXXX for a surrogate pair), every other
    /// character as it is. The choices are YamlDotNet's emitter's (Emitter.WriteDoubleQuotedScalar), so the output
    /// matches the emitter the writer replaced.
    /// </summary>
    /// <exception cref="InvalidOperationException">A high surrogate without its low surrogate: no YAML escape denotes it.</exception>
    public static void AppendDoubleQuoted(StringBuilder output, string text)
    {
        output.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsPrintable(c) && c is not ('"' or '\\' or '\r' or '\n' or '\u0085' or '\u2028' or '\u2029'))
            {
                output.Append(c);
                continue;
            }
            output.Append('\\');
            switch (c)
            {
                case '\0': output.Append('0'); break;
                case '\a': output.Append('a'); break;
                case '\b': output.Append('b'); break;
                case '\n': output.Append('n'); break;
                case '\v': output.Append('v'); break;
                case '\f': output.Append('f'); break;
                case '\r': output.Append('r'); break;
                case '\u001B': output.Append('e'); break;
                case '"': output.Append('"'); break;
                case '\\': output.Append('\\'); break;
                case '\u0085': output.Append('N'); break;
                case '\u2028': output.Append('L'); break;
                case '\u2029': output.Append('P'); break;
                case <= '\u00FF': output.Append('x').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture)); break;
                case var high when char.IsHighSurrogate(high):
                    if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                    {
                        throw new InvalidOperationException($"A string holds a lone high surrogate (U+{(int)high:X4}) at {i}; it has no YAML form.");
                    }
                    output.Append('U').Append(char.ConvertToUtf32(high, text[++i]).ToString("X8", CultureInfo.InvariantCulture));
                    break;
                default: output.Append('u').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)); break;
            }
        }
        output.Append('"');
    }

    // YAML 1.1's printable set (section 5.1) as YamlDotNet's emitter tests it: tab, line feed, carriage return, the
    // ASCII graphic characters, NEL, and the BMP from U+00A0 except surrogates and U+FFFE/U+FFFF.
    private static bool IsPrintable(char c) =>
        c is '\t' or '\n' or '\r' or (>= ' ' and <= '~') or '\u0085' or (>= '\u00A0' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');
}

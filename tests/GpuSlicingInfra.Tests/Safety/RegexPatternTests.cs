using System.Text;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Safety;

/// <summary>
/// An analyzer over the product's sources (components/, stacks/, infra/): every regular expression is
/// written so that it cannot be fooled. In .NET, <c>$</c> (and <c>^</c> with Multiline) also match
/// before a final newline, and <c>\d</c>, <c>\w</c>, <c>\s</c>, <c>\b</c> and <c>\p{…}</c> match
/// characters of every script; IgnoreCase folds characters such as the Kelvin sign onto ASCII letters.
/// A whole-string check is anchored <c>\A…\z</c> and spells its ASCII classes out (<c>[0-9]</c>).
/// </summary>
public sealed class RegexPatternTests
{
    private static readonly string[] Roots = ["components", "stacks", "infra"];

    private static readonly string[] RegexStarts = ["[GeneratedRegex(", "new Regex(", "Regex.IsMatch(", "Regex.Match(", "Regex.Matches(", "Regex.Replace(", "Regex.Split("];

    [Fact]
    public void Every_product_regex_is_anchored_with_A_and_z_and_ascii_only()
    {
        var problems = new List<string>();
        var patterns = 0;
        foreach (var file in Roots.SelectMany(r => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, r), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var found = Check(File.ReadAllText(file));
            patterns += found.Patterns;
            problems.AddRange(found.Problems.Select(p => $"{Path.GetRelativePath(RepoPaths.Root, file)}: {p}"));
        }

        Assert.True(patterns >= 14, $"found only {patterns} regex patterns; is the scan broken?");
        Assert.Equal([], problems);
    }

    [Theory]
    [InlineData("[GeneratedRegex(\"^[a-z]+$\")]", "'$'")]
    [InlineData("[GeneratedRegex(@\"\\A\\d{12}\\z\")]", "\\d")]
    [InlineData("[GeneratedRegex(@\"\\A[\\w.-]+\\z\")]", "\\w")]
    [InlineData("[GeneratedRegex(@\"\\A[\\p{L}]+\\z\")]", "\\p")]
    [InlineData("[GeneratedRegex(\"^[a-z]+\")]", "'^'")]
    [InlineData("[GeneratedRegex(@\"\\A[a-z]+\")]", "\\z")]
    [InlineData("[GeneratedRegex(@\"\\A[a-z]+\\z\", RegexOptions.IgnoreCase)]", "IgnoreCase")]
    [InlineData("var r = new Regex(\"^v[0-9]+$\");", "'$'")]
    [InlineData("_ = Regex.IsMatch(text, @\"\\A[0-9]+\\z\");", "static")]
    public void A_planted_pattern_of_each_kind_is_reported(string source, string expected)
    {
        Assert.Contains(Check(source).Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[GeneratedRegex(@\"\\A[0-9]+\\.[0-9]+\\z\")]")]
    [InlineData("[GeneratedRegex(\"([0-9]+)(h|m|s)\")]")]
    [InlineData("[GeneratedRegex(@\"\\A[^$]+\\$\\z\")]")]
    public void Patterns_written_the_safe_way_pass(string source) => Assert.Empty(Check(source).Problems);

    private static (int Patterns, List<string> Problems) Check(string source)
    {
        var problems = new List<string>();
        var patterns = 0;
        foreach (var start in RegexStarts)
        {
            for (var at = source.IndexOf(start, StringComparison.Ordinal); at >= 0; at = source.IndexOf(start, at + 1, StringComparison.Ordinal))
            {
                // Static Regex calls bypass the source generator and are easy to miss here; use [GeneratedRegex].
                if (start.StartsWith("Regex.", StringComparison.Ordinal) && (at == 0 || !(char.IsAsciiLetterOrDigit(source[at - 1]) || source[at - 1] == '_')))
                {
                    problems.Add($"static {start}…) call: declare a [GeneratedRegex] instead");
                    continue;
                }
                var end = source.IndexOf('\n', at);
                var call = source[at..(end < 0 ? source.Length : end)];
                if (Literal(call, start.Length) is not { } pattern)
                {
                    problems.Add($"{call.Trim()}: the pattern is not a string literal, so it cannot be checked");
                    continue;
                }
                patterns++;
                problems.AddRange(PatternProblems(pattern).Select(p => $"\"{pattern}\": {p}"));
                if (call.Contains("IgnoreCase", StringComparison.Ordinal) || call.Contains("Multiline", StringComparison.Ordinal))
                {
                    problems.Add($"\"{pattern}\": IgnoreCase and Multiline widen a match beyond ASCII and the whole string");
                }
            }
        }
        return (patterns, problems);
    }

    private static IEnumerable<string> PatternProblems(string pattern)
    {
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                if (next is 'd' or 'D' or 'w' or 'W' or 's' or 'S' or 'b' or 'B' or 'p' or 'P')
                {
                    yield return $"\\{next} matches characters of every script; spell the ASCII class out (e.g. [0-9])";
                }
                continue;
            }
            if (inClass)
            {
                inClass = c != ']';
                continue;
            }
            switch (c)
            {
                case '[':
                    inClass = true;
                    // A leading ']' or '^]' is literal inside the class.
                    i += pattern[(i + 1)..].StartsWith("^]", StringComparison.Ordinal) ? 2 : pattern[(i + 1)..].StartsWith(']') ? 1 : 0;
                    break;
                case '$':
                    yield return "'$' also matches before a final newline; end with \\z";
                    break;
                case '^':
                    yield return "'^' is an anchor that Multiline changes; start with \\A";
                    break;
                default:
                    break;
            }
        }
        if (pattern.StartsWith(@"\A", StringComparison.Ordinal) != pattern.EndsWith(@"\z", StringComparison.Ordinal))
        {
            yield return "a whole-string pattern starts with \\A and ends with \\z";
        }
    }

    /// <summary>The C# string literal at <paramref name="from"/> (regular or verbatim), decoded; null if there is none.</summary>
    private static string? Literal(string text, int from)
    {
        var i = from;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }
        var verbatim = i < text.Length && text[i] == '@';
        i += verbatim ? 1 : 0;
        if (i >= text.Length || text[i] != '"')
        {
            return null;
        }
        var value = new StringBuilder();
        for (i++; i < text.Length; i++)
        {
            var c = text[i];
            if (verbatim && c == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    value.Append('"');
                    i++;
                    continue;
                }
                return value.ToString();
            }
            if (!verbatim && c == '"')
            {
                return value.ToString();
            }
            if (!verbatim && c == '\\' && i + 1 < text.Length)
            {
                // Only the escapes a pattern uses: \\ and \" (anything else keeps its backslash).
                var next = text[++i];
                value.Append(next is '\\' or '"' ? next.ToString() : "\\" + next);
                continue;
            }
            value.Append(c);
        }
        return null;
    }
}

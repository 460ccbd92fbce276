using System.Text.RegularExpressions;

namespace GpuSlicingInfra.Tests.Support;

/// <summary>The rows of the README's "Configuration reference" table: each documented key with its type column.</summary>
internal static partial class ConfigReference
{
    /// <summary>Types whose values are not strings; every other type (string, CIDR, duration, list, map, a choice) is text.</summary>
    public static IReadOnlySet<string> NonStringTypes { get; } = new HashSet<string>(StringComparer.Ordinal) { "bool", "int", "number" };

    /// <summary>Documented keys (<c>section.key</c>, named entries as <c>&lt;name&gt;</c>) with their type column.</summary>
    public static IReadOnlyList<(string Key, string Type)> Rows()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var start = readme.IndexOf("## Configuration reference", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Configuration reference' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var rows = new List<(string, string)>();
        foreach (var line in readme[start..(end < 0 ? readme.Length : end)].Split('\n'))
        {
            if (!line.StartsWith("| `", StringComparison.Ordinal))
            {
                continue;
            }
            // Cells are split on '|' not escaped as '\|' (choices such as `single` \| `onePerAz`).
            var cells = UnescapedBar().Split(line);
            var names = Backticked().Matches(cells[1]).Select(m => m.Groups[1].Value).ToList();
            var type = cells[2].Trim();
            var first = names[0];
            var parent = first.Contains('.', StringComparison.Ordinal) ? first[..first.LastIndexOf('.')] + "." : "";
            foreach (var name in names)
            {
                var key = name.Contains('.', StringComparison.Ordinal) ? name : parent + name;
                // A free-form map documented by its entries (prices.<instanceType>) is one key.
                rows.Add((FreeFormEntry().Replace(key, ""), type));
            }
        }
        return rows;
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedBar();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"\.<(?!name>)[^>]+>\z")]
    private static partial Regex FreeFormEntry();
}

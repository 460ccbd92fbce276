using System.Text.Json.Nodes;

namespace GpuSlicingInfra.Review.Diff;

/// <summary>Compares two programs resource by resource and spots renames.</summary>
public static class ProgramDiffer
{
    /// <summary>
    /// Least share of identical property values for a removed/added pair of one type to count as a
    /// rename. Renaming a pool also renames the values derived from its name (labels, prefixes), so
    /// identical is too strict.
    /// </summary>
    public const double RenameThreshold = 0.6;

    /// <summary>The differences from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static ProgramDiff Compare(ProgramSnapshot before, ProgramSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var oldNames = before.Resources.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var newNames = after.Resources.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

        var changed = new List<ResourceChange>();
        foreach (var resource in after.Resources.Where(r => oldNames.Contains(r.Name)))
        {
            var paths = ChangedPaths(Flatten(before.Find(resource.Name)!), Flatten(resource));
            if (paths.Count > 0)
            {
                changed.Add(new ResourceChange(resource.Name, resource.Type, paths));
            }
        }

        var removed = before.Resources.Where(r => !newNames.Contains(r.Name)).ToList();
        var added = after.Resources.Where(r => !oldNames.Contains(r.Name)).ToList();
        var renames = MatchRenames(removed, added);
        var renamedOld = renames.Select(r => r.OldName).ToHashSet(StringComparer.Ordinal);
        var renamedNew = renames.Select(r => r.NewName).ToHashSet(StringComparer.Ordinal);
        return new ProgramDiff(
            [.. added.Where(r => !renamedNew.Contains(r.Name)).Select(r => new ResourceRef(r.Name, r.Type))],
            [.. removed.Where(r => !renamedOld.Contains(r.Name)).Select(r => new ResourceRef(r.Name, r.Type))],
            changed,
            renames);
    }

    // Greedy best-first pairing: each removed and each added resource is used at most once.
    private static List<ResourceRename> MatchRenames(List<ProgramResource> removed, List<ProgramResource> added)
    {
        var candidates = new List<(ProgramResource Old, ProgramResource New, double Score)>();
        foreach (var old in removed)
        {
            var oldLeaves = Flatten(old);
            foreach (var candidate in added.Where(a => a.Type == old.Type))
            {
                candidates.Add((old, candidate, Similarity(oldLeaves, Flatten(candidate))));
            }
        }
        var renames = new List<ResourceRename>();
        var usedOld = new HashSet<string>(StringComparer.Ordinal);
        var usedNew = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (old, candidate, score) in candidates.Where(c => c.Score >= RenameThreshold).OrderByDescending(c => c.Score))
        {
            if (!usedOld.Contains(old.Name) && !usedNew.Contains(candidate.Name))
            {
                usedOld.Add(old.Name);
                usedNew.Add(candidate.Name);
                renames.Add(new ResourceRename(old.Name, candidate.Name, old.Type, Math.Round(score, 3),
                    ChangedPaths(Flatten(old), Flatten(candidate))));
            }
        }
        return [.. renames.OrderBy(r => r.OldName, StringComparer.Ordinal)];
    }

    private static double Similarity(SortedDictionary<string, string> a, SortedDictionary<string, string> b)
    {
        var total = a.Keys.Union(b.Keys, StringComparer.Ordinal).Count();
        if (total == 0)
        {
            return 1;
        }
        var same = a.Count(kv => b.TryGetValue(kv.Key, out var value) && value == kv.Value);
        return (double)same / total;
    }

    private static List<string> ChangedPaths(SortedDictionary<string, string> a, SortedDictionary<string, string> b) =>
        [.. a.Keys.Union(b.Keys, StringComparer.Ordinal)
            .Where(k => !a.TryGetValue(k, out var x) || !b.TryGetValue(k, out var y) || x != y)
            .Order(StringComparer.Ordinal)];

    /// <summary>Leaf path → scalar text over type, properties and options.</summary>
    private static SortedDictionary<string, string> Flatten(ProgramResource resource)
    {
        var leaves = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["type"] = resource.Type };
        Flatten(resource.Properties, "properties", leaves);
        Flatten(resource.Options, "options", leaves);
        return leaves;
    }

    private static void Flatten(JsonNode? node, string path, SortedDictionary<string, string> leaves)
    {
        switch (node)
        {
            case JsonObject map when map.Count > 0:
                foreach (var (key, value) in map)
                {
                    Flatten(value, $"{path}.{key}", leaves);
                }
                break;
            case JsonArray list when list.Count > 0:
                for (var i = 0; i < list.Count; i++)
                {
                    Flatten(list[i], $"{path}[{i}]", leaves);
                }
                break;
            case JsonObject:
                leaves[path] = "{}";
                break;
            case JsonArray:
                leaves[path] = "[]";
                break;
            case null:
                leaves[path] = "null";
                break;
            default:
                leaves[path] = node.GetValue<string>();
                break;
        }
    }
}

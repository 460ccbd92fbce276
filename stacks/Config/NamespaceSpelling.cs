namespace GpuSlicingInfra.Stacks.Config;

/// <summary>
/// Config namespaces that are almost ours. Pulumi hands a key of another namespace to no one (there is no
/// such provider), so <c>Gpu-Slicing-Infra:protect</c> would be silently ignored; it is an error instead.
/// </summary>
internal static class NamespaceSpelling
{
    /// <summary>Largest edit distance (after lowercasing) still taken for a misspelling of ours.</summary>
    public const int MaxDistance = 2;

    /// <summary>The problem with a full key whose namespace is a near miss of ours, or null.</summary>
    public static ConfigProblem? Check(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }
        var ns = key[..colon];
        if (ns == StackConfig.ProjectNamespace || Distance(ns.ToLowerInvariant(), StackConfig.ProjectNamespace) > MaxDistance)
        {
            return null;
        }
        return new ConfigProblem(key,
            $"the namespace '{StackInputLimits.Printable(ns)}' is not '{StackConfig.ProjectNamespace}' (a different case or a typo), so nothing would read this key; write '{ConfigKeys.Prefix}{StackInputLimits.Printable(key[(colon + 1)..])}'.");
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

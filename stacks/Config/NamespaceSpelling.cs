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
        if (ns == StackConfig.ProjectNamespace || EditDistance.Of(ns.ToLowerInvariant(), StackConfig.ProjectNamespace) > MaxDistance)
        {
            return null;
        }
        return new ConfigProblem(key,
            $"the namespace '{StackInputLimits.Printable(ns)}' is not '{StackConfig.ProjectNamespace}' (a different case or a typo), so nothing would read this key; write '{ConfigKeys.Prefix}{StackInputLimits.Printable(key[(colon + 1)..])}'.");
    }
}

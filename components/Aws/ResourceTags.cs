namespace GpuSlicingInfra.Components.Aws;

/// <summary>Tag and label keys the components write.</summary>
public static class ResourceTags
{




    /// <summary>Tags merged with extra tags, ordered by key.</summary>
    public static SortedDictionary<string, string> Merge(IReadOnlyDictionary<string, string> baseTags, params (string Key, string Value)[] extra)
    {
        ArgumentNullException.ThrowIfNull(baseTags);
        var merged = new SortedDictionary<string, string>(baseTags.ToDictionary(), StringComparer.Ordinal);
        foreach (var (key, value) in extra)
        {
            merged[key] = value;
        }
        return merged;
    }
}

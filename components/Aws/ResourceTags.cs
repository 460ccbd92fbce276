namespace GpuSlicingInfra.Components.Aws;

/// <summary>Tag and label keys the components write.</summary>
public static class ResourceTags
{
    /// <summary>Karpenter's subnet and security-group discovery tag.</summary>
    public const string KarpenterDiscovery = "karpenter.sh/discovery";

    /// <summary>Label the device plugin reads to choose a sharing profile per node.</summary>
    public const string DevicePluginConfigLabel = "nvidia.com/device-plugin.config";

    /// <summary>Label the device plugin chart's default affinity accepts on GPU nodes.</summary>
    public const string GpuPresentLabel = "nvidia.com/gpu.present";

    /// <summary>Taint key that keeps non-GPU pods off GPU nodes.</summary>
    public const string GpuTaintKey = "nvidia.com/gpu";

    /// <summary>Label naming the pool a node belongs to.</summary>
    public const string PoolLabel = "gpu-slicing-infra/pool";

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

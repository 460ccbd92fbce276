namespace GpuSlicingInfra.Components.Gpu;

/// <summary>
/// Physical GPUs and advertised slices of a pool at its min, desired and max size (node group sizes,
/// plus up to the Karpenter node limit at max for pools Karpenter provisions):
/// GPUs = nodes × GPUs per instance; slices = GPUs × replicas of the pool's profile.
/// </summary>
/// <param name="Pool">Pool name.</param>
/// <param name="Profile">Sharing profile.</param>
/// <param name="ResourceName">The extended resource pods request.</param>
/// <param name="GpusPerNode">Physical GPUs per node (the smallest of the pool's instance types).</param>
/// <param name="SlicesPerGpu">Advertised units per physical GPU: replicas, or MIG devices × replicas.</param>
/// <param name="PhysicalGpus">GPUs at min / desired / max nodes.</param>
/// <param name="AdvertisedSlices">Slices at min / desired / max nodes.</param>
public sealed record GpuCapacity(
    string Pool,
    string Profile,
    string ResourceName,
    int GpusPerNode,
    int SlicesPerGpu,
    NodeCounts PhysicalGpus,
    NodeCounts AdvertisedSlices)
{
    /// <summary>Capacity of one pool.</summary>
    public static GpuCapacity Of(GpuPoolOptions pool, SharingProfileOptions profile)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(profile);
        // Validation leaves no type without facts; the pool's catalog includes the stack's extension.
        var gpusPerNode = pool.ResolvedInstanceTypes.Select(t => t.GpuCount).DefaultIfEmpty(0).Min();
        // Karpenter starts a pool at zero nodes and grows it up to its node limit, on top of any node group.
        var group = pool.ManagedNodeGroup;
        var maxNodes = (group?.MaxSize ?? 0) + (pool.UsesKarpenter ? pool.EffectiveKarpenterMaxNodes : 0);
        var gpus = new NodeCounts((group?.MinSize ?? 0) * gpusPerNode, (group?.DesiredSize ?? 0) * gpusPerNode, maxNodes * gpusPerNode);
        var slicesPerGpu = PoolGpus.SlicesPerGpu(pool, profile);
        return new GpuCapacity(pool.Name, profile.Name, profile.ResourceName, gpusPerNode, slicesPerGpu, gpus,
            new NodeCounts(gpus.Min * slicesPerGpu, gpus.Desired * slicesPerGpu, gpus.Max * slicesPerGpu));
    }

    /// <summary>Capacity of every pool, keyed by pool name in ordinal order.</summary>
    public static SortedDictionary<string, GpuCapacity> Summarize(IEnumerable<GpuPoolOptions> pools, IEnumerable<SharingProfileOptions> profiles)
    {
        var byName = profiles.ToDictionary(p => p.Name, StringComparer.Ordinal);
        return new(pools.ToDictionary(p => p.Name, p => Of(p, byName[p.Profile])), StringComparer.Ordinal);
    }
}

/// <summary>A count at a pool's minimum, desired and maximum size.</summary>
/// <param name="Min">At the minimum.</param>
/// <param name="Desired">At the desired size.</param>
/// <param name="Max">At the maximum.</param>
public sealed record NodeCounts(int Min, int Desired, int Max);

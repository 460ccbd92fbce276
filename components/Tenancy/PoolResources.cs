using GpuSlicingInfra.Components.Gpu;

namespace GpuSlicingInfra.Components.Tenancy;

/// <summary>
/// The extended resources a pool's nodes advertise, derived from its sharing profile and instance types (never a
/// fixed list): <c>nvidia.com/gpu</c>, <c>nvidia.com/gpu.shared</c> when the profile renames, one
/// <c>nvidia.com/mig-&lt;profile&gt;</c> per MIG device kind under migStrategy mixed.
/// </summary>
public static class PoolResources
{
    /// <summary>Resource name → units one GPU of the pool advertises (the smallest over its types, as capacity counts).</summary>
    public static SortedDictionary<string, int> PerGpu(GpuPoolOptions pool, SharingProfileOptions profile)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(profile);
        var perType = pool.ResolvedInstanceTypes.Select(profile.ResourcesPerGpu).ToList();
        var names = perType.SelectMany(r => r.Keys).Distinct();
        return new(names.ToDictionary(n => n, n => perType.Min(r => r.GetValueOrDefault(n))), StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether the device plugin rejects a container asking for more than one unit on this pool: the effective
    /// <c>failRequestsGreaterThanOne</c>, which only a sharing profile has, true by default under MPS
    /// (see <see cref="SharingProfileOptions.FailRequestsGreaterThanOne"/>).
    /// </summary>
    public static bool OneSlicePerContainer(SharingProfileOptions profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Shares && (profile.FailRequestsGreaterThanOne ?? profile.Strategy == SharingStrategy.Mps);
    }
}

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>
/// The instance facts of a pool's types, for the sharing rules that depend on the GPU (MPS clients, MIG
/// layouts). Every such lookup goes through here, so the catalog's source can change in one place.
/// </summary>
internal static class PoolGpus
{
    /// <summary>The pool's instance types the catalog knows, in the pool's order.</summary>
    public static IReadOnlyList<GpuInstanceType> Of(GpuPoolOptions pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return [.. pool.InstanceTypes.Select(pool.Catalog.Find).OfType<GpuInstanceType>()];
    }

    /// <summary>
    /// Units one GPU of the pool advertises under <paramref name="profile"/>: the smallest over its types (as
    /// capacity counts the smallest node), 0 when the catalog knows none of them.
    /// </summary>
    public static int SlicesPerGpu(GpuPoolOptions pool, SharingProfileOptions profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Of(pool).Select(profile.SlicesPerGpu).DefaultIfEmpty(0).Min();
    }
}

using GpuSlicingInfra.Components.Gpu;

namespace GpuSlicingInfra.Review.Plan;

/// <summary>
/// Advice per pool from our measurements of one GPU shared by N processes (README, "Time-slicing, MPS or MIG";
/// measured 2026-11-29 on an H200): under time-slicing each of R busy pods gets 1/R of the GPU and its step takes
/// about R× as long (4 small pods: 1.05 ms per step against 0.275 ms alone), and a light pod beside three heavy ones
/// ran 19× slower; MPS with the plugin's per-client limits kept that pod within 1.2–1.7× of its solo latency; a MIG
/// device is the pod's own. Plan shows the advice as warnings, validate as findings of rule GSI015.
/// </summary>
internal static class SharingAdvice
{
    /// <summary>
    /// The advice for one pool: each a full sentence naming the pool, with the options field to change (the pool's
    /// profile); none when its sharing fits its work.
    /// </summary>
    /// <param name="pool">The pool as planned.</param>
    /// <param name="catalog">The instance facts, for whether the pool's GPU has MIG.</param>
    public static IEnumerable<(string Message, string Field)> For(PoolPlan pool, GpuInstanceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(catalog);
        if (!pool.LatencySensitive)
        {
            yield break;
        }
        if (pool.Strategy == "timeSlicing" && pool.Replicas > 1)
        {
            // MIG only where the product can partition the GPU (known layouts), not merely where the catalog says it has MIG.
            var mig = catalog.Find(pool.PricedInstanceType) is { } type && GpuModels.Of(type)?.Mig is not null ? $", or MIG ({pool.GpuModel} partitions into isolated devices)" : "";
            yield return ($"pool {pool.Pool} is latency-sensitive but time-slices each {pool.GpuModel} {pool.Replicas} ways: with {pool.Replicas} busy pods each gets " +
                $"1/{pool.Replicas} of the GPU and a step takes about {pool.Replicas}× as long (measured on an H200: 4 small pods 1.05 ms per step against 0.275 ms alone), " +
                "and a light pod beside three heavy ones ran 19× slower; smaller GPUs fill sooner, so the effect comes at lighter load. Use an MPS profile (its per-client limits kept that pod within 1.2–1.7× of its solo latency)" +
                mig + ".", $"DevicePlugin.Profiles[{pool.Profile}].Strategy");
        }
        var devices = pool.MigDevicesPerGpu.Values.Sum();
        if (pool.Strategy == "mig" && devices > 0 && pool.Replicas / devices > 1)
        {
            var perDevice = pool.Replicas / devices;
            yield return ($"pool {pool.Pool} is latency-sensitive but time-slices each MIG device {perDevice} ways: pods on one device take turns as under " +
                $"time-slicing, so a step takes up to {perDevice}× as long. Leave replicas unset on its profile to give each pod a device of its own.",
                $"DevicePlugin.Profiles[{pool.Profile}].Replicas");
        }
    }
}

using System.Text.Json.Nodes;
using GpuSlicingInfra.Components;
using GpuSlicingInfra.Components.Tenancy;

namespace GpuSlicingInfra.Review.Plan;

/// <summary>
/// The tenants of a program, read back from its objects: each Namespace labelled <see cref="TenantLabels.Tenant"/>
/// (its pools in the <see cref="TenantLabels.Pools"/> annotation) and the ResourceQuota in that namespace.
/// </summary>
internal static class TenantPlans
{
    private const string QuotaPrefix = "requests.";

    public static IReadOnlyList<TenantPlan> Of(ProgramSnapshot program, IReadOnlyList<PoolPlan> pools)
    {
        var gpuCostAtMax = pools.Sum(p => p.AtMax.Hourly);
        var tenants = new List<TenantPlan>();
        foreach (var ns in program.OfType("kubernetes:core/v1:Namespace"))
        {
            if (ns.Text("metadata", "labels", TenantLabels.Tenant) is not { } tenant || ns.Text("metadata", "name") is not { } name)
            {
                continue;
            }
            var poolNames = (ns.Text("metadata", "annotations", TenantLabels.Pools) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
            var tenantPools = pools.Where(p => poolNames.Contains(p.Pool)).ToList();
            var slices = Quota(program, name)
                .Select(q => new TenantSlices(q.Resource, q.Slices, tenantPools.Sum(p => OfferedAtMax(p).GetValueOrDefault(q.Resource))))
                .ToList();
            var hourly = slices.Sum(s => Math.Min(s.Promised, s.OfferedAtMax) * PricePerSlice(tenantPools, s.Resource));
            tenants.Add(new TenantPlan(tenant, name, poolNames, slices, Amounts.Of(hourly),
                gpuCostAtMax == 0 ? 0 : Math.Round(hourly / gpuCostAtMax, 4)));
        }
        return [.. tenants.OrderBy(t => t.Tenant, StringComparer.Ordinal)];
    }

    /// <summary>Resource → slices a pool advertises at its maximum size (each MIG device kind on its own under mixed).</summary>
    public static IReadOnlyDictionary<string, int> OfferedAtMax(PoolPlan pool)
    {
        if (!pool.ResourceName.StartsWith(WellKnownKeys.MigResourcePrefix, StringComparison.Ordinal))
        {
            return new Dictionary<string, int> { [pool.ResourceName] = pool.AdvertisedSlices.Max };
        }
        return pool.MigDevicesPerGpu.ToDictionary(d => WellKnownKeys.MigResourcePrefix + d.Key, d => d.Value * pool.PhysicalGpus.Max);
    }

    // Average hourly price of one slice of the resource over the pools that advertise it, weighted by their slices.
    private static decimal PricePerSlice(IReadOnlyList<PoolPlan> pools, string resource)
    {
        var offering = pools.Where(p => p.AdvertisedSlices.Max > 0 && OfferedAtMax(p).GetValueOrDefault(resource) > 0).ToList();
        var slices = offering.Sum(p => OfferedAtMax(p)[resource]);
        return slices == 0 ? 0 : offering.Sum(p => p.AtMax.Hourly * OfferedAtMax(p)[resource] / p.AdvertisedSlices.Max) / slices;
    }

    private static IEnumerable<(string Resource, int Slices)> Quota(ProgramSnapshot program, string ns) =>
        program.OfType("kubernetes:core/v1:ResourceQuota")
            .Where(q => q.Text("metadata", "namespace") == ns)
            .SelectMany(q => q.Node("spec", "hard") as JsonObject ?? [])
            .Where(h => h.Key.StartsWith(QuotaPrefix, StringComparison.Ordinal) && h.Value is JsonValue)
            .Select(h => (h.Key[QuotaPrefix.Length..], int.TryParse(h.Value!.GetValue<string>(), out var n) ? n : 0))
            .OrderBy(h => h.Item1, StringComparer.Ordinal);
}

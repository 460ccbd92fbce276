namespace GpuSlicingInfra.Review.Plan;

/// <summary>
/// Slices promised beyond what the pools can offer at their maximum size: a quota the cluster cannot honour. Per tenant
/// (its own pools), and per resource over all tenants together (the pools any of them may use).
/// </summary>
internal sealed class TenantWarnings : IPlanWarningRule
{
    public IEnumerable<PlanWarning> Check(PlanContext context)
    {
        var tenants = TenantPlans.Of(context.Program, context.Pools);
        foreach (var tenant in tenants)
        {
            foreach (var s in tenant.Slices.Where(s => s.Promised > s.OfferedAtMax))
            {
                yield return new PlanWarning("tenant-oversubscribed",
                    $"tenant {tenant.Tenant} is promised {s.Promised} {s.Resource} but its pools ({string.Join(", ", tenant.Pools)}) offer at most {s.OfferedAtMax} at their maximum size.",
                    context.Context.KeyPath($"Tenants[{tenant.Tenant}].Slices[{s.Resource}]"));
            }
        }
        foreach (var resource in tenants.SelectMany(t => t.Slices).Select(s => s.Resource).Distinct().Order(StringComparer.Ordinal))
        {
            var promising = tenants.Where(t => t.Slices.Any(s => s.Resource == resource)).ToList();
            var pools = promising.SelectMany(t => t.Pools).Distinct().Order(StringComparer.Ordinal).ToList();
            var promised = promising.Sum(t => t.Slices.First(s => s.Resource == resource).Promised);
            var offered = context.Pools.Where(p => pools.Contains(p.Pool)).Sum(p => TenantPlans.OfferedAtMax(p).GetValueOrDefault(resource));
            if (promising.Count > 1 && promised > offered)
            {
                yield return new PlanWarning("tenants-oversubscribed",
                    $"tenants {string.Join(", ", promising.Select(t => t.Tenant))} are promised {promised} {resource} together, but their pools ({string.Join(", ", pools)}) offer at most {offered} at their maximum size: quotas are not guarantees.",
                    context.Context.KeyPath($"Tenants[{promising[0].Tenant}].Slices[{resource}]"));
            }
        }
    }
}

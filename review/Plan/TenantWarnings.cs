namespace GpuSlicingInfra.Review.Plan;

/// <summary>
/// Slices promised beyond what the pools can offer at their maximum size: a quota the cluster cannot honour. Per tenant
/// (its own pools), and per resource over all tenants together (the pools any of them may use).
/// </summary>
internal sealed class TenantWarnings : IPlanWarningRule
{
    public IEnumerable<PlanWarning> Check(PlanContext context) =>
        For(context.Program, context.Pools).Select(w => new PlanWarning(w.Code, w.Message, context.Context.KeyPath(w.Field)));

    /// <summary>Each oversubscription as (code, message, options field); plan and validate (GSI016) both report them.</summary>
    public static IEnumerable<(string Code, string Message, string Field)> For(ProgramSnapshot program, IReadOnlyList<PoolPlan> pools)
    {
        var tenants = TenantPlans.Of(program, pools);
        // The pools of a list that advertise the resource: a tenant's pool with another profile offers none of it.
        string Advertising(IEnumerable<string> names, string resource) =>
            string.Join(", ", names.Where(n => pools.Any(p => p.Pool == n && TenantPlans.OfferedAtMax(p).ContainsKey(resource))));
        foreach (var tenant in tenants)
        {
            foreach (var s in tenant.Slices.Where(s => s.Promised > s.OfferedAtMax))
            {
                yield return ("tenant-oversubscribed",
                    $"tenant {tenant.Tenant} is promised {s.Promised} {s.Resource} but its pools that advertise it ({Advertising(tenant.Pools, s.Resource)}) offer at most {s.OfferedAtMax} at their maximum size.",
                    $"Tenants[{tenant.Tenant}].Slices[{s.Resource}]");
            }
        }
        foreach (var resource in tenants.SelectMany(t => t.Slices).Select(s => s.Resource).Distinct().Order(StringComparer.Ordinal))
        {
            var promising = tenants.Where(t => t.Slices.Any(s => s.Resource == resource)).ToList();
            var shared = promising.SelectMany(t => t.Pools).Distinct().Order(StringComparer.Ordinal).ToList();
            var promised = promising.Sum(t => t.Slices.First(s => s.Resource == resource).Promised);
            var offered = pools.Where(p => shared.Contains(p.Pool)).Sum(p => TenantPlans.OfferedAtMax(p).GetValueOrDefault(resource));
            if (promising.Count > 1 && promised > offered)
            {
                yield return ("tenants-oversubscribed",
                    $"tenants {string.Join(", ", promising.Select(t => t.Tenant))} are promised {promised} {resource} together, but their pools that advertise it ({Advertising(shared, resource)}) offer at most {offered} at their maximum size: quotas are not guarantees.",
                    $"Tenants[{promising[0].Tenant}].Slices[{resource}]");
            }
        }
    }
}

using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Stacks.Settings;

namespace GpuSlicingInfra.Stacks.Review.Plan;

/// <summary>The warnings <c>plan</c> shows. Each is small; the list is the extension point.</summary>
public static class PlanWarningRules
{
    /// <summary>Every built-in warning, in display order.</summary>
    public static IReadOnlyList<IPlanWarningRule> Default { get; } =
    [
        new Rule(ReplicasAboveGpuMemory),
        new Rule(SpotInProd),
        new Rule(SpotPricedAtListPrice),
        new Rule(PublicEndpoint),
        new Rule(UnknownPrices),
        new KubernetesSupportWarnings(),
        new KarpenterPlanWarnings(),
        new SpotRolePlanWarnings(),
        new DeployAccessPlanWarnings(),
    ];

    /// <summary>Runs every rule.</summary>
    public static IReadOnlyList<PlanWarning> Run(PlanContext context, IEnumerable<IPlanWarningRule>? rules = null) =>
        [.. (rules ?? Default).SelectMany(r => r.Check(context))];

    // Time-slicing gives no memory isolation; past one slice per GiB, a slice's fair share of
    // memory is under 1 GiB and out-of-memory errors between neighbours become likely.
    private static IEnumerable<PlanWarning> ReplicasAboveGpuMemory(PlanContext context) =>
        context.Pools.Where(p => p.Replicas > p.GpuMemoryGiB && p.GpuMemoryGiB > 0).Select(p => new PlanWarning(
            "replicas-above-gpu-memory",
            $"pool {p.Pool}: {p.Replicas} slices per {p.GpuModel} ({p.GpuMemoryGiB} GiB) leave under 1 GiB of GPU memory per slice, and time-slicing does not isolate memory.",
            SettingsBinder.ToKeyPath($"DevicePlugin.Profiles[{p.Profile}].Replicas")));

    private static IEnumerable<PlanWarning> SpotInProd(PlanContext context) =>
        context.Settings.Platform.Environment != "prod" ? [] :
        context.Settings.Platform.GpuPools.Where(p => p.CapacityType == CapacityType.Spot).Select(p => new PlanWarning(
            "spot-in-prod",
            $"pool {p.Name} uses spot capacity in prod: nodes can be reclaimed with two minutes' notice.",
            SettingsBinder.ToKeyPath($"GpuPools[{p.Name}].CapacityType")));

    private static IEnumerable<PlanWarning> SpotPricedAtListPrice(PlanContext context) =>
        context.Settings.Platform.GpuPools
            .Where(p => p.CapacityType == CapacityType.Spot && !context.Settings.HourlyPriceOverrides.ContainsKey(p.InstanceTypes[0]))
            .Select(p => new PlanWarning(
                "spot-priced-on-demand",
                $"pool {p.Name} uses spot capacity but is priced at the on-demand list price of {p.InstanceTypes[0]} (an upper bound); set prices.{p.InstanceTypes[0]} to your spot price.",
                SettingsBinder.ToKeyPath($"Prices.{p.InstanceTypes[0]}")));

    private static IEnumerable<PlanWarning> PublicEndpoint(PlanContext context)
    {
        var cluster = context.Settings.Platform.Cluster;
        if (cluster.EndpointPublicAccess)
        {
            yield return new PlanWarning(
                "public-endpoint",
                $"the cluster API endpoint is public (allowed from {string.Join(", ", cluster.PublicAccessCidrs)}); CKV_AWS_39 prefers a private endpoint.",
                SettingsBinder.ToKeyPath("Cluster.EndpointPublicAccess"));
        }
    }

    private static IEnumerable<PlanWarning> UnknownPrices(PlanContext context)
    {
        var system = context.Settings.Platform.Cluster.SystemInstanceType;
        if (context.Prices.HourlyUsd(system) is null)
        {
            yield return new PlanWarning(
                "unknown-price",
                $"no price for the system node type {system}: counted as $0; set prices.{system}.",
                SettingsBinder.ToKeyPath($"Prices.{system}"));
        }
        foreach (var pool in context.Pools.Where(p => p.UsdPerNodeHour is null))
        {
            yield return new PlanWarning(
                "unknown-price",
                $"no price for {pool.PricedInstanceType} (pool {pool.Pool}): counted as $0; set prices.{pool.PricedInstanceType}.",
                SettingsBinder.ToKeyPath($"Prices.{pool.PricedInstanceType}"));
        }
    }

    private sealed class Rule(Func<PlanContext, IEnumerable<PlanWarning>> check) : IPlanWarningRule
    {
        public IEnumerable<PlanWarning> Check(PlanContext context) => check(context);
    }
}

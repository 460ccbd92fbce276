using System.Text.Json.Nodes;

namespace GpuSlicingInfra.Review.Plan;

/// <summary>The warnings <c>plan</c> shows. Each is small; the list is the extension point.</summary>
public static class PlanWarningRules
{
    /// <summary>Every built-in warning, in display order; a context's <see cref="ReviewContext.ExtraWarningRules"/> follow them.</summary>
    public static IReadOnlyList<IPlanWarningRule> Default { get; } =
    [
        new Rule(ReplicasAboveGpuMemory),
        new Rule(SharingAdviceWarnings),
        new Rule(SpotInProd),
        new Rule(SpotPricedAtListPrice),
        new Rule(PublicEndpoint),
        new Rule(UnknownInstanceTypes),
        new Rule(UnknownPrices),
        new KubernetesSupportWarnings(),
        new TenantWarnings(),
    ];

    /// <summary>Runs every rule.</summary>
    public static IReadOnlyList<PlanWarning> Run(PlanContext context, IEnumerable<IPlanWarningRule>? rules = null) =>
        [.. (rules ?? Default).SelectMany(r => r.Check(context))];

    // Time-slicing gives no memory isolation; past one slice per GiB, a slice's fair share of
    // memory is under 1 GiB and out-of-memory errors between neighbours become likely.
    private static IEnumerable<PlanWarning> ReplicasAboveGpuMemory(PlanContext context) =>
        context.Pools.Where(p => p.Strategy != "mig" && p.Replicas > p.GpuMemoryGiB && p.GpuMemoryGiB > 0).Select(p => new PlanWarning(
            "replicas-above-gpu-memory",
            $"pool {p.Pool}: {p.Replicas} slices per {p.GpuModel} ({p.GpuMemoryGiB} GiB) leave under 1 GiB of GPU memory per slice, " +
            (p.Strategy == "mps" ? "and MPS limits each client to that share." : "and time-slicing does not isolate memory."),
            context.Context.KeyPath($"DevicePlugin.Profiles[{p.Profile}].Replicas")));

    private static IEnumerable<PlanWarning> SharingAdviceWarnings(PlanContext context) =>
        context.Pools.SelectMany(p => SharingAdvice.For(p, context.Context.InstanceCatalog))
            .Select(a => new PlanWarning("sharing-advice", a.Message, context.Context.KeyPath(a.Field)));

    private static IEnumerable<PlanWarning> SpotInProd(PlanContext context) =>
        !context.Context.IsProd ? [] :
        context.Pools.Where(p => p.CapacityType == "spot").Select(p => new PlanWarning(
            "spot-in-prod",
            $"pool {p.Pool} uses spot capacity in prod: nodes can be reclaimed with two minutes' notice.",
            context.Context.KeyPath($"GpuPools[{p.Pool}].CapacityType")));

    private static IEnumerable<PlanWarning> SpotPricedAtListPrice(PlanContext context) =>
        context.Pools
            .Where(p => p.CapacityType == "spot" && !context.Context.PriceOverrides.ContainsKey(p.PricedInstanceType))
            .Select(p => new PlanWarning(
                "spot-priced-on-demand",
                $"pool {p.Pool} uses spot capacity but is priced at the on-demand list price of {p.PricedInstanceType} (an upper bound); set prices.{p.PricedInstanceType} to your spot price.",
                context.Context.KeyPath($"Prices.{p.PricedInstanceType}")));

    private static IEnumerable<PlanWarning> PublicEndpoint(PlanContext context) =>
        context.Program.OfType("eks:Cluster").Where(c => c.Text("endpointPublicAccess") == "true").Select(c => new PlanWarning(
            "public-endpoint",
            $"the cluster API endpoint is public (allowed from {string.Join(", ", (c.Node("publicAccessCidrs") as JsonArray ?? []).Select(v => v?.GetValue<string>()))}); CKV_AWS_39 prefers a private endpoint.",
            context.Context.KeyPath("Cluster.EndpointPublicAccess")));

    // A type only a stack's instanceCatalog describes is unknown to a program reviewed alone (plan --program):
    // say so instead of letting its zero GPUs, slices and pods pass for facts.
    private static IEnumerable<PlanWarning> UnknownInstanceTypes(PlanContext context) =>
        context.Pools.SelectMany(p => p.InstanceTypes.Where(t => context.Context.InstanceCatalog.Find(t) is null).Select(t => new PlanWarning(
            "unknown-instance-type",
            $"{t} (pool {p.Pool}) is not in the instance catalog: its GPUs, slices and pods per node count as 0; plan the stack whose instanceCatalog describes it (plan --stack).",
            context.Context.KeyPath($"GpuPools[{p.Pool}].InstanceTypes"))));

    private static IEnumerable<PlanWarning> UnknownPrices(PlanContext context)
    {
        var system = (PlanBuilder.SystemNodeGroup(context.Program)?.Node("instanceTypes") as JsonArray)?.FirstOrDefault()?.GetValue<string>();
        if (system is not null && context.Prices.HourlyUsd(system) is null)
        {
            yield return new PlanWarning(
                "unknown-price",
                $"no price for the system node type {system}: counted as $0; set prices.{system}.",
                context.Context.KeyPath($"Prices.{system}"));
        }
        foreach (var pool in context.Pools.Where(p => p.UsdPerNodeHour is null))
        {
            yield return new PlanWarning(
                "unknown-price",
                $"no price for {pool.PricedInstanceType} (pool {pool.Pool}): counted as $0; set prices.{pool.PricedInstanceType}.",
                context.Context.KeyPath($"Prices.{pool.PricedInstanceType}"));
        }
    }

    private sealed class Rule(Func<PlanContext, IEnumerable<PlanWarning>> check) : IPlanWarningRule
    {
        public IEnumerable<PlanWarning> Check(PlanContext context) => check(context);
    }
}

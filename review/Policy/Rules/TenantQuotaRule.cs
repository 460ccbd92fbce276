using GpuSlicingInfra.Review.Cost;
using GpuSlicingInfra.Review.Plan;

namespace GpuSlicingInfra.Review.Policy.Rules;

/// <summary>
/// GSI016: the slices tenants' quotas promise exist at the pools' maximum size, per tenant and for all tenants of a
/// resource together. A warning: a quota is a ceiling, and oversubscribing it can be a choice, but never a guarantee.
/// </summary>
public sealed class TenantQuotaRule : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "GSI016";

    /// <inheritdoc />
    public override string Title => "Tenants' quotas fit what their pools advertise at max size (warning)";

    /// <inheritdoc />
    public override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var catalog = context.Context.InstanceCatalog;
        var prices = new CatalogPriceSource(context.Context.PriceOverrides, catalog);
        var pools = ProgramPool.All(context.Program, prices, catalog).Select(p => PlanBuilder.Pool(p, prices, catalog)).ToList();
        return TenantWarnings.For(context.Program, pools).Select(w => Warning(w.Message, context.KeyPath(w.Field)));
    }
}

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
        return TenantWarnings.For(context.Program, context.PlannedPools()).Select(w => Warning(w.Message, context.KeyPath(w.Field)));
    }
}

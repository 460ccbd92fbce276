namespace GpuSlicingInfra.Review.Plan;

/// <summary>One tenant: what it is promised (its ResourceQuota) against what its pools offer, and its share of their cost.</summary>
/// <param name="Tenant">Tenant name.</param>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Pools">The pools its GPU pods may select.</param>
/// <param name="Slices">Per quota resource: slices promised and what the tenant's pools advertise at their maximum size.</param>
/// <param name="CostAtMax">
/// The promised slices (at most what the pools offer) at the price per slice of the tenant's pools at their maximum
/// size: each pool's cost at max ÷ its slices at max.
/// </param>
/// <param name="ShareOfGpuCostAtMax">Cost at max ÷ every GPU pool's cost at max (0–1; 0 without pool costs).</param>
public sealed record TenantPlan(
    string Tenant,
    string Namespace,
    IReadOnlyList<string> Pools,
    IReadOnlyList<TenantSlices> Slices,
    Money CostAtMax,
    decimal ShareOfGpuCostAtMax);

/// <summary>One resource of a tenant's quota.</summary>
/// <param name="Resource">The extended resource, e.g. <c>nvidia.com/gpu.shared</c>.</param>
/// <param name="Promised">Slices of the quota (<c>requests.&lt;resource&gt;</c>).</param>
/// <param name="OfferedAtMax">Slices of this resource the tenant's pools advertise at their maximum size.</param>
public sealed record TenantSlices(string Resource, int Promised, int OfferedAtMax);

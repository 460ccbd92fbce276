using GpuSlicingInfra.Components.Gpu;

namespace GpuSlicingInfra.Review.Cost;

/// <summary>
/// Prices from the built-in tables (<see cref="GpuInstanceCatalog"/> and
/// <see cref="SystemInstancePrices"/>, us-east-1 on-demand list prices), each replaced by an
/// override when the stack gives one (the <c>prices</c> setting: other regions, discounts, spot).
/// </summary>
public sealed class CatalogPriceSource : IPriceSource
{
    private readonly IReadOnlyDictionary<string, decimal> _overrides;

    /// <summary>A source with per-type overrides. Default: none, list prices only.</summary>
    public CatalogPriceSource(IReadOnlyDictionary<string, decimal>? overrides = null)
    {
        _overrides = overrides ?? new Dictionary<string, decimal>();
    }

    /// <inheritdoc />
    public decimal? HourlyUsd(string instanceType)
    {
        ArgumentNullException.ThrowIfNull(instanceType);
        if (_overrides.TryGetValue(instanceType, out var price))
        {
            return price;
        }
        return GpuInstanceCatalog.Find(instanceType)?.OnDemandUsdPerHour ?? SystemInstancePrices.Find(instanceType);
    }
}

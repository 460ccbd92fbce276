using GpuSlicingInfra.Components.Gpu;

namespace GpuSlicingInfra.Review.Cost;

/// <summary>
/// Prices from the tables (a <see cref="GpuInstanceCatalog"/>, by default the built-in one, and
/// <see cref="SystemInstancePrices"/>, us-east-1 on-demand list prices), each replaced by an
/// override when the stack gives one (the <c>prices</c> setting: other regions, discounts, spot).
/// </summary>
public sealed class CatalogPriceSource : IPriceSource
{
    private readonly IReadOnlyDictionary<string, decimal> _overrides;
    private readonly GpuInstanceCatalog _catalog;

    /// <summary>A source with per-type overrides (default: none, list prices only) over a GPU catalog (default: the built-in one).</summary>
    public CatalogPriceSource(IReadOnlyDictionary<string, decimal>? overrides = null, GpuInstanceCatalog? catalog = null)
    {
        _overrides = overrides ?? new Dictionary<string, decimal>();
        _catalog = catalog ?? GpuInstanceCatalog.BuiltIn;
    }

    /// <inheritdoc />
    public decimal? HourlyUsd(string instanceType)
    {
        ArgumentNullException.ThrowIfNull(instanceType);
        if (_overrides.TryGetValue(instanceType, out var price))
        {
            return price;
        }
        return _catalog.Find(instanceType)?.OnDemandUsdPerHour ?? SystemInstancePrices.Find(instanceType);
    }
}

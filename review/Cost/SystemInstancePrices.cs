using System.Collections.Frozen;

namespace GpuSlicingInfra.Review.Cost;

/// <summary>
/// List prices of the general-purpose types commonly used for the system node group.
/// Linux on-demand, us-east-1, USD per hour, as published in 2025 (checked against
/// docs/ec2-gpu-instances.md, 2025-11). Types not listed are priced through the <c>prices</c> setting.
/// </summary>
public static class SystemInstancePrices
{
    private static readonly FrozenDictionary<string, decimal> Prices = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["t3.medium"] = 0.0416m,
        ["t3.large"] = 0.0832m,
        ["t3.xlarge"] = 0.1664m,
        ["m5.large"] = 0.096m,
        ["m5.xlarge"] = 0.192m,
        ["m6i.large"] = 0.096m,
        ["m6i.xlarge"] = 0.192m,
        ["m7i.large"] = 0.1008m,
        ["m7i.xlarge"] = 0.2016m,
        ["c6i.large"] = 0.085m,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every listed type, ordered by name.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Prices.Keys.Order(StringComparer.Ordinal)];

    /// <summary>USD per hour, or null when the type is not listed.</summary>
    public static decimal? Find(string instanceType) => Prices.TryGetValue(instanceType, out var price) ? price : null;
}

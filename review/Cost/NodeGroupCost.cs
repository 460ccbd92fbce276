using GpuSlicingInfra.Components.Gpu;

namespace GpuSlicingInfra.Review.Cost;

/// <summary>
/// Hourly cost of a group of identical nodes at its min, desired and max size: nodes × the price of
/// one node. Takes node counts rather than a node group, so any source of nodes (managed node groups,
/// an autoscaler's expected nodes) can be priced the same way.
/// </summary>
/// <param name="UsdPerNodeHour">Price of one node; null when unknown (then every total is 0).</param>
/// <param name="Nodes">Node counts.</param>
public sealed record NodeGroupCost(decimal? UsdPerNodeHour, NodeCounts Nodes)
{
    /// <summary>USD per hour at the minimum size.</summary>
    public decimal HourlyAtMin => (UsdPerNodeHour ?? 0m) * Nodes.Min;

    /// <summary>USD per hour at the desired size.</summary>
    public decimal HourlyAtDesired => (UsdPerNodeHour ?? 0m) * Nodes.Desired;

    /// <summary>USD per hour at the maximum size.</summary>
    public decimal HourlyAtMax => (UsdPerNodeHour ?? 0m) * Nodes.Max;

    /// <summary>Whether the node price is known.</summary>
    public bool IsPriced => UsdPerNodeHour is not null;
}

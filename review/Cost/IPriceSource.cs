namespace GpuSlicingInfra.Review.Cost;

/// <summary>
/// Where hourly instance prices come from. The offline plan depends on this seam, not on a table,
/// so a stack's overrides, a region's price list or a test double can stand in.
/// </summary>
public interface IPriceSource
{
    /// <summary>USD per hour of one instance of <paramref name="instanceType"/>, or null when the source does not know it.</summary>
    decimal? HourlyUsd(string instanceType);
}

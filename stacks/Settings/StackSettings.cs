using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Platform;

namespace GpuSlicingInfra.Stacks.Settings;

/// <summary>A stack's validated settings: the platform args plus what only the offline views use.</summary>
/// <param name="StackName">The stack name.</param>
/// <param name="Platform">Args of the whole platform.</param>
/// <param name="HourlyPriceOverrides">Instance type → USD per hour, replacing catalog prices (region, discounts).</param>
/// <param name="Region">The AWS region from <c>aws:region</c>, if set.</param>
public sealed record StackSettings(
    string StackName,
    GpuSlicingPlatformOptions Platform,
    IReadOnlyDictionary<string, decimal> HourlyPriceOverrides,
    string? Region)
{
    /// <summary>The built-in GPU catalog plus the stack's <c>instanceCatalog</c>; what its pools were bound with. Default: built-in only.</summary>
    public GpuInstanceCatalog InstanceCatalog { get; init; } = GpuInstanceCatalog.BuiltIn;
}

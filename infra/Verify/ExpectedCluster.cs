using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Review;
using GpuSlicingInfra.Review.Plan;

namespace GpuSlicingInfra.Cli.Verify;

/// <summary>What the program declares that a live cluster shows.</summary>
/// <param name="Pools">GPU pools.</param>
/// <param name="Release">The device plugin release; null when the program has none.</param>
/// <param name="NodePools">Names of the program's Karpenter NodePools.</param>
/// <param name="NodeOverlays">Names of the program's NodeOverlays.</param>
/// <param name="Catalog">GPU counts per instance type.</param>
internal sealed record ExpectedCluster(IReadOnlyList<ExpectedPool> Pools, DevicePluginRelease? Release, IReadOnlyList<string> NodePools,
    IReadOnlyList<string> NodeOverlays, GpuInstanceCatalog Catalog)
{
    public static ExpectedCluster Of(ProgramSnapshot program, ReviewContext context, DateOnly today)
    {
        var plan = PlanBuilder.Build(program, context, today);
        var settings = PoolNodeSettings.Of(program, context).ToDictionary(s => s.Pool, StringComparer.Ordinal);
        return new ExpectedCluster(
            [.. plan.Pools.Select(p => new ExpectedPool(p, settings[p.Pool]))],
            DevicePluginRelease.Of(program),
            CustomResourceNames(program, "NodePool"),
            CustomResourceNames(program, "NodeOverlay"),
            context.InstanceCatalog);
    }

    private static List<string> CustomResourceNames(ProgramSnapshot program, string kind) =>
        [.. program.OfType("kubernetes:apiextensions.k8s.io:CustomResource").Where(r => r.Text("kind") == kind).Select(r => r.Text("metadata", "name") ?? r.Name)];
}

using GpuSlicingInfra.Components.Components;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Stacks.Settings;

/// <summary>Binds one entry of <c>gpuPools</c> to <see cref="GpuNodePoolArgs"/>.</summary>
internal static class GpuPoolBinder
{
    private static readonly Dictionary<string, CapacityType> CapacityTypes = new(StringComparer.Ordinal)
    {
        ["onDemand"] = CapacityType.OnDemand,
        ["spot"] = CapacityType.Spot,
    };

    public static GpuNodePoolArgs Bind(string name, SettingsObject pool, bool protect)
    {
        var defaults = new GpuNodePoolArgs { Name = name, Profile = "" };
        if (!pool.Has("profile"))
        {
            pool.Problem("profile", "is required: the sharing profile (a key of devicePlugin.profiles) this pool's nodes use.");
        }
        var args = new GpuNodePoolArgs
        {
            Name = name,
            Profile = pool.Text("profile", ""),
            InstanceTypes = pool.StringList("instanceTypes", defaults.InstanceTypes),
            AllowUnknownInstanceTypes = pool.Bool("allowUnknownInstanceTypes", defaults.AllowUnknownInstanceTypes),
            MinSize = pool.WholeNumber("minSize", defaults.MinSize, 0, 1000),
            DesiredSize = pool.WholeNumber("desiredSize", defaults.DesiredSize, 0, 1000),
            MaxSize = pool.WholeNumber("maxSize", defaults.MaxSize, 0, 1000),
            CapacityType = pool.Choice("capacityType", defaults.CapacityType, CapacityTypes),
            DiskSizeGiB = pool.WholeNumber("diskSizeGiB", defaults.DiskSizeGiB, 1, 16384),
            Labels = pool.StringMap("labels"),
            Protect = protect,
        };
        pool.Finish();
        return args;
    }
}

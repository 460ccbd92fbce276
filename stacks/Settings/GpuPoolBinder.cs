using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Gpu;
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

    private static readonly Dictionary<string, NodeProvisioner> Provisioners = new(StringComparer.Ordinal)
    {
        ["managedNodeGroup"] = NodeProvisioner.ManagedNodeGroup,
        ["karpenter"] = NodeProvisioner.Karpenter,
        ["both"] = NodeProvisioner.Both,
    };

    private static readonly Dictionary<string, KarpenterMode> Modes = new(StringComparer.Ordinal)
    {
        ["plain"] = KarpenterMode.Plain,
        ["overlay-override"] = KarpenterMode.OverlayOverride,
        ["overlay-shared"] = KarpenterMode.OverlayShared,
    };

    private static readonly Dictionary<string, KarpenterInstanceSelection> Selections = new(StringComparer.Ordinal)
    {
        ["family"] = KarpenterInstanceSelection.Family,
        ["types"] = KarpenterInstanceSelection.Types,
    };

    private static readonly string[] NodeGroupSizeKeys = ["minSize", "desiredSize", "maxSize"];

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
            Provisioner = pool.Choice("provisioner", defaults.Provisioner, Provisioners),
            KarpenterMode = pool.Choice("karpenterMode", defaults.KarpenterMode, Modes),
            KarpenterInstanceSelection = pool.Choice("karpenterInstanceSelection", defaults.KarpenterInstanceSelection, Selections),
            KarpenterMaxNodes = pool.Has("karpenterMaxNodes") ? pool.WholeNumber("karpenterMaxNodes", 1, 1, 1000) : null,
            KarpenterMaxCpu = pool.Has("karpenterMaxCpu") ? pool.WholeNumber("karpenterMaxCpu", 1, 1, 1_000_000) : null,
            KarpenterConsolidateAfter = Duration(pool, "karpenterConsolidateAfter", defaults.KarpenterConsolidateAfter),
            KarpenterExpireAfter = Duration(pool, "karpenterExpireAfter", defaults.KarpenterExpireAfter),
            KarpenterDisruptionBudget = pool.Text("karpenterDisruptionBudget", defaults.KarpenterDisruptionBudget),
            Protect = protect,
        };
        if (args.Provisioner == NodeProvisioner.Karpenter)
        {
            // Keys that would silently do nothing are errors, like unknown keys.
            foreach (var key in NodeGroupSizeKeys.Where(pool.Has))
            {
                pool.Problem(key, "has no effect on a Karpenter-only pool (provisioner: karpenter), which has no node group; bound it with karpenterMaxNodes.");
            }
        }
        pool.Finish();
        return args;
    }

    private static TimeSpan Duration(SettingsObject pool, string key, TimeSpan fallback)
    {
        var text = pool.StringOrNull(key);
        if (text is null)
        {
            return fallback;
        }
        if (GoDuration.Parse(text) is { } value)
        {
            return value;
        }
        pool.Problem(key, $"'{text}' is not a duration; use hours, minutes or seconds such as 10m, 1h30m or 720h (at most 2562047h, Go's limit).");
        return fallback;
    }
}

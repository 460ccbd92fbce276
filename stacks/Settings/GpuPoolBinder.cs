using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Stacks.Settings;

/// <summary>
/// Binds one entry of <c>gpuPools</c> to <see cref="GpuPoolOptions"/>. The stack file is flat: <c>provisioner</c>
/// picks which sub-options exist, the sizes go to the managed node group's, the <c>karpenter*</c> keys to Karpenter's.
/// Every check lives in the options' own validation.
/// </summary>
internal static class GpuPoolBinder
{
    private static readonly Dictionary<string, CapacityType> CapacityTypes = new(StringComparer.Ordinal)
    {
        ["onDemand"] = CapacityType.OnDemand,
        ["spot"] = CapacityType.Spot,
    };

    // provisioner: says which of the pool's sub-options exist (managed node group, Karpenter).
    private static readonly Dictionary<string, (bool ManagedNodeGroup, bool Karpenter)> Provisioners = new(StringComparer.Ordinal)
    {
        ["managedNodeGroup"] = (true, false),
        ["karpenter"] = (false, true),
        ["both"] = (true, true),
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

    private static readonly Dictionary<string, KarpenterConsolidationPolicy> ConsolidationPolicies = new(StringComparer.Ordinal)
    {
        ["WhenEmpty"] = KarpenterConsolidationPolicy.WhenEmpty,
        ["WhenEmptyOrUnderutilized"] = KarpenterConsolidationPolicy.WhenEmptyOrUnderutilized,
    };

    // Karpenter's word for "consolidation off" (v1.14 docs, concepts/nodepools.md).
    private const string NeverConsolidate = "Never";

    private static readonly string[] NodeGroupSizeKeys = ["minSize", "desiredSize", "maxSize"];

    private static readonly string[] KarpenterKeys =
    [
        "karpenterMode", "karpenterInstanceSelection", "karpenterMaxNodes", "karpenterMaxCpu", "karpenterConsolidationPolicy",
        "karpenterConsolidateAfter", "karpenterExpireAfter", "karpenterDisruptionBudget",
    ];

    public static GpuPoolOptions Bind(string name, SettingsObject pool, bool protect, GpuInstanceCatalog catalog)
    {
        var defaults = new GpuPoolOptions { Name = name, Profile = "" };
        var groupDefaults = new ManagedNodeGroupOptions();
        var karpenterDefaults = new KarpenterPoolOptions();
        if (!pool.Has("profile"))
        {
            pool.Problem("profile", "is required: the sharing profile (a key of devicePlugin.profiles) this pool's nodes use.");
        }
        var provisioner = pool.Choice("provisioner", Provisioners["managedNodeGroup"], Provisioners);
        var group = new ManagedNodeGroupOptions
        {
            MinSize = pool.WholeNumber("minSize", groupDefaults.MinSize, 0, 1000),
            DesiredSize = pool.WholeNumber("desiredSize", groupDefaults.DesiredSize, 0, 1000),
            MaxSize = pool.WholeNumber("maxSize", groupDefaults.MaxSize, 0, 1000),
        };
        var karpenter = new KarpenterPoolOptions
        {
            Mode = pool.Choice("karpenterMode", karpenterDefaults.Mode, Modes),
            InstanceSelection = pool.Choice("karpenterInstanceSelection", karpenterDefaults.InstanceSelection, Selections),
            MaxNodes = pool.Has("karpenterMaxNodes") ? pool.WholeNumber("karpenterMaxNodes", 1, 1, 1000) : null,
            MaxCpu = pool.Has("karpenterMaxCpu") ? pool.WholeNumber("karpenterMaxCpu", 1, 1, 1_000_000) : null,
            ConsolidationPolicy = pool.Choice("karpenterConsolidationPolicy", karpenterDefaults.ConsolidationPolicy, ConsolidationPolicies),
            ConsolidateAfter = Duration(pool, "karpenterConsolidateAfter", karpenterDefaults.ConsolidateAfter, allowNever: true),
            ExpireAfter = Duration(pool, "karpenterExpireAfter", karpenterDefaults.ExpireAfter, allowNever: false),
            DisruptionBudget = pool.Text("karpenterDisruptionBudget", karpenterDefaults.DisruptionBudget),
        };
        var options = new GpuPoolOptions
        {
            Name = name,
            Profile = pool.Text("profile", ""),
            InstanceTypes = pool.StringList("instanceTypes", defaults.InstanceTypes),
            Catalog = catalog,
            CapacityType = pool.Choice("capacityType", defaults.CapacityType, CapacityTypes),
            DiskSizeGiB = pool.WholeNumber("diskSizeGiB", defaults.DiskSizeGiB, 1, 16384),
            Labels = pool.StringMap("labels"),
            LatencySensitive = pool.Bool("latencySensitive", defaults.LatencySensitive),
            ManagedNodeGroup = provisioner.ManagedNodeGroup ? group : null,
            Karpenter = provisioner.Karpenter ? karpenter : null,
            Protect = protect,
        };
        // Its types got a NodePool with empty requirements that the API server refused at pulumi up.
        pool.Removed("allowUnknownInstanceTypes", "describe each type outside the built-in catalog under the top-level instanceCatalog.<type> (gpus, gpuModel, gpuMemoryGiB, architecture, vCpus, memoryGiB, maxPods, supportsMig, price) instead.");
        if (!provisioner.ManagedNodeGroup)
        {
            // Keys that would silently do nothing are errors, like unknown keys.
            foreach (var key in NodeGroupSizeKeys.Where(pool.Has))
            {
                pool.Problem(key, "has no effect on a Karpenter-only pool (provisioner: karpenter), which has no node group; bound it with karpenterMaxNodes.");
            }
        }
        if (!provisioner.Karpenter)
        {
            foreach (var key in KarpenterKeys.Where(pool.Has))
            {
                pool.Problem(key, "has no effect on a pool without Karpenter (provisioner: managedNodeGroup, the default); set provisioner: karpenter or both, or remove it.");
            }
        }
        pool.Finish();
        return options;
    }

    private static TimeSpan Duration(SettingsObject pool, string key, TimeSpan fallback, bool allowNever)
    {
        var text = pool.StringOrNull(key);
        if (text is null)
        {
            return fallback;
        }
        if (allowNever && text == NeverConsolidate)
        {
            return Timeout.InfiniteTimeSpan;
        }
        if (GoDuration.Parse(text) is { } value)
        {
            return value;
        }
        pool.Problem(key, $"'{text}' is not a duration; use hours, minutes or seconds such as 10m, 1h30m or 720h (at most 2562047h, Go's limit){(allowNever ? $", or {NeverConsolidate} to turn consolidation off" : "")}.");
        return fallback;
    }
}

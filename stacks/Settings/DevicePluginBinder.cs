using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Stacks.Settings;

/// <summary>Binds <c>devicePlugin</c> (with its named <c>profiles</c>) to <see cref="NvidiaDevicePluginOptions"/>.</summary>
internal static class DevicePluginBinder
{
    private static readonly Dictionary<string, SharingStrategy> Strategies = new(StringComparer.Ordinal)
    {
        ["timeSlicing"] = SharingStrategy.TimeSlicing,
        ["mps"] = SharingStrategy.Mps,
        ["mig"] = SharingStrategy.Mig,
        ["none"] = SharingStrategy.None,
    };

    private static readonly Dictionary<string, MigStrategy> MigStrategies = new(StringComparer.Ordinal)
    {
        ["single"] = MigStrategy.Uniform,
        ["mixed"] = MigStrategy.Mixed,
    };

    public static NvidiaDevicePluginOptions Bind(SettingsObject? section)
    {
        if (section is null)
        {
            return new NvidiaDevicePluginOptions { Profiles = [], DefaultProfile = "" };
        }
        var defaults = new NvidiaDevicePluginOptions { Profiles = [], DefaultProfile = "" };
        var profiles = section.Entries("profiles").Select(e => BindProfile(e.Name, e.Value)).ToList();
        var args = new NvidiaDevicePluginOptions
        {
            Profiles = profiles,
            DefaultProfile = section.Text("defaultProfile", profiles.Count == 1 ? profiles[0].Name : ""),
            Namespace = section.Text("namespace", defaults.Namespace),
            ChartVersion = section.Text("chartVersion", defaults.ChartVersion),
            GpuFeatureDiscovery = section.Bool("gpuFeatureDiscovery", defaults.GpuFeatureDiscovery),
        };
        section.Finish();
        return args;
    }

    private static SharingProfileOptions BindProfile(string name, SettingsObject profile)
    {
        var strategy = profile.Choice("strategy", SharingStrategy.TimeSlicing, Strategies);
        var args = new SharingProfileOptions
        {
            Name = name,
            Strategy = strategy,
            // Under none and mig, 1 is the natural default (one unit per GPU, whole MIG devices); sharing strategies must say.
            Replicas = profile.WholeNumber("replicas", strategy is SharingStrategy.None or SharingStrategy.Mig ? 1 : 0, 0, 1024),
            RenameByDefault = profile.Bool("renameByDefault", false),
            FailRequestsGreaterThanOne = profile.Has("failRequestsGreaterThanOne") ? profile.Bool("failRequestsGreaterThanOne", false) : null,
            MigConfig = profile.StringOrNull("migConfig"),
            MigStrategy = profile.Choice("migStrategy", MigStrategy.Uniform, MigStrategies),
        };
        if (strategy is SharingStrategy.TimeSlicing or SharingStrategy.Mps && !profile.Has("replicas"))
        {
            profile.Problem("replicas", "is required for a sharing profile (at least 2).");
        }
        profile.Finish();
        return args;
    }
}

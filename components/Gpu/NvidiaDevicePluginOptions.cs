using System.Text.RegularExpressions;

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>Options of <see cref="NvidiaDevicePlugin"/>.</summary>
public sealed partial record NvidiaDevicePluginOptions
{
    /// <summary>The chart version this release pins (newest upstream release, v0.20.0).</summary>
    public const string DefaultChartVersion = "0.20.0";

    /// <summary>The sharing profiles: one ConfigMap key each.</summary>
    public required IReadOnlyList<SharingProfileOptions> Profiles { get; init; }

    /// <summary>The profile for GPU nodes without a selection label.</summary>
    public required string DefaultProfile { get; init; }

    /// <summary>Namespace of the plugin. Default: <c>nvidia-device-plugin</c>.</summary>
    public string Namespace { get; init; } = "nvidia-device-plugin";

    /// <summary>Pinned chart version (exact semver). Default: <see cref="DefaultChartVersion"/>.</summary>
    public string ChartVersion { get; init; } = DefaultChartVersion;

    /// <summary>Deploy GPU Feature Discovery (GPU labels, needed by MPS). Default: on.</summary>
    public bool GpuFeatureDiscovery { get; init; } = true;

    /// <summary>Every problem with these options, each naming the field.</summary>
    public IReadOnlyList<ArgsProblem> Validate()
    {
        var problems = new List<ArgsProblem>();
        if (Profiles.Count == 0)
        {
            problems.Add(new(nameof(Profiles), "at least one sharing profile is required (a profile with strategy 'none' shares nothing)."));
        }
        foreach (var (profile, index) in Profiles.Select((p, i) => (p, i)))
        {
            problems.AddRange(profile.Validate().Select(p => p.Under($"{nameof(Profiles)}[{profile.Name}]")));
            if (Profiles.Take(index).Any(p => p.Name == profile.Name))
            {
                problems.Add(new($"{nameof(Profiles)}[{profile.Name}]", $"profile '{profile.Name}' is defined more than once."));
            }
        }
        var names = string.Join(", ", Profiles.Select(p => p.Name));
        if (Profiles.Count > 1 && DefaultProfile.Length == 0)
        {
            problems.Add(new(nameof(DefaultProfile), $"defaultProfile is required when there is more than one profile; choose one of: {names}."));
        }
        else if (Profiles.Count > 0 && !Profiles.Any(p => p.Name == DefaultProfile))
        {
            problems.Add(new(nameof(DefaultProfile), $"'{DefaultProfile}' is not one of the profiles ({names}); the plugin would exit on start."));
        }
        if (!Naming.IsDnsLabel(Namespace))
        {
            problems.Add(new(nameof(Namespace), $"'{Namespace}' is not a valid namespace name."));
        }
        if (!ExactVersion().IsMatch(ChartVersion))
        {
            problems.Add(new(nameof(ChartVersion), $"'{ChartVersion}' must be an exact version such as {DefaultChartVersion} (pinned charts only)."));
        }
        if (Profiles.Any(p => p.Strategy == SharingStrategy.Mps) && !GpuFeatureDiscovery)
        {
            problems.Add(new(nameof(GpuFeatureDiscovery), "MPS profiles need GPU Feature Discovery: the MPS daemon runs only on nodes GFD labels nvidia.com/mps.capable=true."));
        }
        return problems;
    }

    [GeneratedRegex(@"\A[0-9]+\.[0-9]+\.[0-9]+\z")]
    internal static partial Regex ExactVersion();
}

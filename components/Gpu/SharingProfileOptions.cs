namespace GpuSlicingInfra.Components.Gpu;

/// <summary>
/// A sharing profile: this product's word for what NVIDIA's device plugin calls a named config. The plugin
/// reads several configs from one ConfigMap (one key each, in its <c>version: v1</c> config format) and each
/// node picks one by its <c>nvidia.com/device-plugin.config</c> label (NVIDIA k8s-device-plugin README,
/// "Multiple Config File Example"); a profile is one such config, holding one sharing strategy with its
/// replicas. Validated with the device plugin's own rules.
/// </summary>
public sealed record SharingProfileOptions
{
    /// <summary>Longest name a ConfigMap key and label value can have.</summary>
    public const int MaxNameLength = 63;

    /// <summary>The device plugin refuses fewer replicas ("number of replicas must be >= 2").</summary>
    public const int MinReplicas = 2;

    /// <summary>Profile name: a ConfigMap key and a label value (lower-case alphanumerics and '-', at most 63).</summary>
    public required string Name { get; init; }

    /// <summary>Sharing strategy. Default: time-slicing.</summary>
    public SharingStrategy Strategy { get; init; } = SharingStrategy.TimeSlicing;

    /// <summary>
    /// Schedulable units per physical GPU (time-slicing, MPS: at least 2), or per MIG device (MIG: 1, the
    /// default there, leaves devices whole; 2 or more time-slices each). Ignored for <see cref="SharingStrategy.None"/>.
    /// Default: 1, which validation refuses for time-slicing and MPS: set it.
    /// </summary>
    public int Replicas { get; init; } = 1;

    /// <summary>Advertise <c>nvidia.com/gpu.shared</c> instead of <c>nvidia.com/gpu</c>. Default: false.</summary>
    public bool RenameByDefault { get; init; }

    /// <summary>
    /// Reject pods asking for more than one replica. Default: null, the plugin's own default: true for MPS
    /// (api/config/v1/config.go, NewConfig, v0.20.0), false for time-slicing; written into the config only when set.
    /// </summary>
    public bool? FailRequestsGreaterThanOne { get; init; }

    /// <summary>MIG only: the mig-parted layout each GPU is partitioned into, e.g. <c>all-1g.10gb</c> (see <see cref="MigLayouts"/>). Default: null, which validation refuses under strategy mig.</summary>
    public string? MigConfig { get; init; }

    /// <summary>MIG only: how the plugin advertises MIG devices. Default: single.</summary>
    public MigStrategy MigStrategy { get; init; } = MigStrategy.Uniform;

    /// <summary>Whether the plugin's config gets a <c>sharing</c> section (MIG devices only when time-sliced).</summary>
    public bool Shares => Strategy is SharingStrategy.TimeSlicing or SharingStrategy.Mps || (Strategy == SharingStrategy.Mig && Replicas > 1);

    /// <summary>The extended resource pods request under the single resource name (every strategy but MIG mixed).</summary>
    public string ResourceName => Shares && RenameByDefault ? WellKnownKeys.SharedGpuResource : WellKnownKeys.GpuResource;

    /// <summary>
    /// Resources one GPU of <paramref name="gpu"/> advertises, name → count: the MIG devices of the layout ×
    /// replicas under MIG (each MIG profile its own <c>nvidia.com/mig-&lt;profile&gt;</c> under mixed,
    /// internal/lm/mig-strategy.go), else the replicas. Empty when the MIG layout does not fit the GPU.
    /// </summary>
    public IReadOnlyDictionary<string, int> ResourcesPerGpu(GpuInstanceType gpu)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        var result = new SortedDictionary<string, int>(StringComparer.Ordinal);
        switch (Strategy)
        {
            case SharingStrategy.None:
                result[ResourceName] = 1;
                break;
            case SharingStrategy.Mig:
                var devices = GpuModels.Of(gpu)?.Mig is { } mig && MigConfig is { } layout ? MigLayouts.Devices(layout, mig) : null;
                foreach (var (profile, count) in devices ?? new Dictionary<string, int>())
                {
                    var name = MigStrategy == MigStrategy.Mixed ? WellKnownKeys.MigResourcePrefix + profile : ResourceName;
                    result[name] = result.GetValueOrDefault(name) + count * Replicas;
                }
                break;
            default:
                result[ResourceName] = Replicas;
                break;
        }
        return result;
    }

    /// <summary>Units one GPU of <paramref name="gpu"/> advertises, all resources together.</summary>
    public int SlicesPerGpu(GpuInstanceType gpu) => ResourcesPerGpu(gpu).Values.Sum();

    /// <summary>Every problem with these options, each naming the field.</summary>
    public IReadOnlyList<ArgsProblem> Validate()
    {
        var problems = new List<ArgsProblem>();
        if (!Naming.IsDnsLabel(Name))
        {
            problems.Add(new(nameof(Name), $"'{Name}' must be lower-case alphanumerics and '-', start and end alphanumeric, at most {MaxNameLength} characters."));
        }
        if (Strategy is SharingStrategy.TimeSlicing or SharingStrategy.Mps && Replicas < MinReplicas)
        {
            problems.Add(new(nameof(Replicas), $"{Replicas} is below {MinReplicas}: the device plugin rejects a {StrategyWord} config with fewer replicas. Use strategy 'none' for a profile without sharing."));
        }
        if (Strategy == SharingStrategy.Mps && Replicas > GpuModelFacts.MpsMaxClientsModern)
        {
            problems.Add(new(nameof(Replicas), $"{Replicas} exceeds {GpuModelFacts.MpsMaxClientsModern}, the most MPS clients per GPU ({GpuModelFacts.MpsMaxClientsLegacy} below compute capability 7.5)."));
        }
        if (Strategy == SharingStrategy.Mig)
        {
            problems.AddRange(MigProblems());
        }
        else if (MigConfig is not null || MigStrategy != MigStrategy.Uniform)
        {
            problems.Add(new(MigConfig is not null ? nameof(MigConfig) : nameof(MigStrategy), "applies only to strategy 'mig'."));
        }
        if (!Shares && (RenameByDefault || FailRequestsGreaterThanOne is not null))
        {
            problems.Add(new(nameof(Strategy), "renameByDefault and failRequestsGreaterThanOne only apply to a sharing strategy (under mig: replicas of 2 or more)."));
        }
        return problems;
    }

    private string StrategyWord => Strategy == SharingStrategy.Mps ? "MPS" : "time-slicing";

    private IEnumerable<ArgsProblem> MigProblems()
    {
        if (MigConfig is null)
        {
            yield return new(nameof(MigConfig), $"is required for strategy 'mig'; choose a layout such as {string.Join(", ", MigLayouts.Names.Take(4))}.");
        }
        else if (!MigLayouts.Exists(MigConfig))
        {
            yield return new(nameof(MigConfig), $"'{MigConfig}' is not a mig-parted layout this product knows; use one of: {string.Join(", ", MigLayouts.Names)}.");
        }
        if (Replicas < 1)
        {
            yield return new(nameof(Replicas), $"{Replicas} is below 1: under mig, 1 leaves each MIG device whole and 2 or more time-slice it.");
        }
        // Time-slicing under mixed would need one replicated resource per MIG profile, and profile names differ per GPU.
        if (MigStrategy == MigStrategy.Mixed && Replicas > 1)
        {
            yield return new(nameof(Replicas), "time-slicing MIG devices needs migStrategy single here: under mixed each MIG profile is its own resource.");
        }
    }
}

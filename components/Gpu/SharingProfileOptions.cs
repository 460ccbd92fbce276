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

    /// <summary>The device plugin's MPS limit per GPU on T4 and newer.</summary>
    public const int MaxMpsReplicas = 48;

    /// <summary>Profile name: a ConfigMap key and a label value (lower-case alphanumerics and '-', at most 63).</summary>
    public required string Name { get; init; }

    /// <summary>Sharing strategy. Default: time-slicing.</summary>
    public SharingStrategy Strategy { get; init; } = SharingStrategy.TimeSlicing;

    /// <summary>Schedulable units advertised per physical GPU; at least 2 when sharing. Ignored for <see cref="SharingStrategy.None"/>. Default: 1, which validation refuses for a sharing strategy: set it.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>Advertise <c>nvidia.com/gpu.shared</c> instead of <c>nvidia.com/gpu</c>. Default: false.</summary>
    public bool RenameByDefault { get; init; }

    /// <summary>Reject pods asking for more than one replica (they would not get more compute). Default: false.</summary>
    public bool FailRequestsGreaterThanOne { get; init; }

    /// <summary>Units advertised per physical GPU: the replicas when sharing, else 1.</summary>
    public int SlicesPerGpu => Strategy == SharingStrategy.None ? 1 : Replicas;

    /// <summary>The extended resource pods request on nodes with this profile.</summary>
    public string ResourceName => Strategy != SharingStrategy.None && RenameByDefault ? WellKnownKeys.SharedGpuResource : WellKnownKeys.GpuResource;

    /// <summary>Every problem with these options, each naming the field.</summary>
    public IReadOnlyList<ArgsProblem> Validate()
    {
        var problems = new List<ArgsProblem>();
        if (!Naming.IsDnsLabel(Name))
        {
            problems.Add(new(nameof(Name), $"'{Name}' must be lower-case alphanumerics and '-', start and end alphanumeric, at most {MaxNameLength} characters."));
        }
        if (Strategy != SharingStrategy.None && Replicas < MinReplicas)
        {
            problems.Add(new(nameof(Replicas), $"{Replicas} is below {MinReplicas}: the device plugin rejects a sharing config with fewer replicas. Use strategy 'none' for a profile without sharing."));
        }
        if (Strategy == SharingStrategy.Mps && Replicas > MaxMpsReplicas)
        {
            problems.Add(new(nameof(Replicas), $"{Replicas} exceeds {MaxMpsReplicas}, the most MPS clients per GPU."));
        }
        if (Strategy == SharingStrategy.None && (RenameByDefault || FailRequestsGreaterThanOne))
        {
            problems.Add(new(nameof(Strategy), "renameByDefault and failRequestsGreaterThanOne only apply to a sharing strategy."));
        }
        return problems;
    }
}

using GpuSlicingInfra.Components.Providers.Kubernetes;

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>The values of the <c>nvidia-device-plugin</c> chart this product sets (keys as in its values.yaml).</summary>
internal sealed record DevicePluginChartValues
{
    /// <summary>Config wiring.</summary>
    public required DevicePluginConfigValues Config { get; init; }

    /// <summary>GPU Feature Discovery.</summary>
    public required EnabledValue Gfd { get; init; }

    /// <summary>Node Feature Discovery subchart settings.</summary>
    public required NfdValues Nfd { get; init; }

    /// <summary>Node affinity: GPU nodes only.</summary>
    public required Affinity Affinity { get; init; }

    /// <summary>Tolerations of the plugin pods.</summary>
    public required IReadOnlyList<Toleration> Tolerations { get; init; }

    /// <summary>Priority class.</summary>
    public required string PriorityClassName { get; init; }

    /// <summary>Pod annotations (the config checksum that rolls pods on change).</summary>
    public required IReadOnlyDictionary<string, string> PodAnnotations { get; init; }
}

/// <summary><c>config</c> values.</summary>
/// <param name="Name">The external ConfigMap.</param>
/// <param name="Default">The key used when a node has no selection label.</param>
internal sealed record DevicePluginConfigValues(string Name, string Default);

/// <summary>A subchart's <c>enabled</c> switch.</summary>
/// <param name="Enabled">Whether it is deployed.</param>
internal sealed record EnabledValue(bool Enabled);

/// <summary><c>nfd</c> values.</summary>
/// <param name="Worker">Worker settings.</param>
internal sealed record NfdValues(NfdWorkerValues Worker);

/// <summary><c>nfd.worker</c> values.</summary>
/// <param name="Tolerations">Tolerations, so workers label tainted GPU nodes.</param>
internal sealed record NfdWorkerValues(IReadOnlyList<Toleration> Tolerations);

using System.Text.Json.Nodes;

namespace GpuSlicingInfra.Stacks.Import;

/// <summary>One setting of an imported pool and the manifest field it came from.</summary>
/// <param name="Key">The key under <c>gpuPools.&lt;name&gt;</c>.</param>
/// <param name="Value">The value, as stack config holds it.</param>
/// <param name="Source">The manifest path, or what the value stands for when no field gave it.</param>
/// <param name="Why">How the value follows from the source, in one line.</param>
internal sealed record ImportedSetting(string Key, JsonNode Value, string Source, string Why);

/// <summary>A pool built from one Provisioner: its settings with their sources, and the fields no setting expresses.</summary>
internal sealed record ImportedPool(string Name, string Source, IReadOnlyList<ImportedSetting> Settings, IReadOnlyList<DroppedField> Dropped)
{
    /// <summary>The pool's settings as stack config.</summary>
    public JsonObject ToConfig() => new(Settings.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value.DeepClone())));
}

using System.Text.Json.Nodes;
using GpuSlicingInfra.Components;

namespace GpuSlicingInfra.Review.Plan;

/// <summary>
/// One named config of the NVIDIA device plugin ("profile"), as its ConfigMap in the program holds it.
/// </summary>
/// <param name="Name">The ConfigMap data key, which nodes select with the <c>nvidia.com/device-plugin.config</c> label.</param>
/// <param name="Strategy"><c>timeSlicing</c>, <c>mps</c>, <c>mig</c> (the config's <c>flags.migStrategy</c> is single or mixed) or <c>none</c>.</param>
/// <param name="Replicas">The largest replicas of its shared resources; 1 without sharing (under mig: per MIG device).</param>
/// <param name="RenameByDefault">Whether shared GPUs are advertised as <c>nvidia.com/gpu.shared</c>.</param>
/// <param name="MigStrategy">The config's <c>flags.migStrategy</c>: <c>none</c>, <c>single</c> or <c>mixed</c>.</param>
internal sealed record SharingProfile(string Name, string Strategy, int Replicas, bool RenameByDefault, string MigStrategy = "none")
{
    /// <summary>Units advertised per physical GPU: under mig, the MIG devices a GPU of the pool holds × replicas.</summary>
    public int SlicesPerGpu(int migDevicesPerGpu) => Strategy switch
    {
        "none" => 1,
        "mig" => migDevicesPerGpu * Replicas,
        _ => Replicas,
    };

    /// <summary>What pods request on its nodes.</summary>
    public string ResourceName => MigStrategy == "mixed" ? WellKnownKeys.MigResourcePrefix + "<profile>"
        : Strategy != "none" && RenameByDefault ? WellKnownKeys.SharedGpuResource : WellKnownKeys.GpuResource;

    /// <summary>
    /// The profile <paramref name="name"/> from the program's ConfigMaps (a data key holding a <c>version: v1</c>
    /// document); without one, a profile that does not share (the plugin's default behaviour).
    /// </summary>
    public static SharingProfile Find(ProgramSnapshot program, string name) => TryFind(program, name) ?? new SharingProfile(name, "none", 1, false);

    /// <summary>The profile <paramref name="name"/> from the program's ConfigMaps, or null when none defines it.</summary>
    public static SharingProfile? TryFind(ProgramSnapshot program, string name) =>
        Documents(program).Where(d => d.Name == name).Select(d => From(d.Name, d.Document)).FirstOrDefault();

    /// <summary>Every device plugin config of the program's ConfigMaps: each data key whose value is a <c>version: v1</c> document.</summary>
    public static IEnumerable<(string Name, JsonObject Document)> Documents(ProgramSnapshot program) =>
        program.OfType("kubernetes:core/v1:ConfigMap")
            .SelectMany(c => c.Node("data") as JsonObject ?? [])
            .Select(d => (d.Key, Document: d.Value is JsonValue text ? YamlJson.TryParse(text.GetValue<string>()) as JsonObject : null))
            .Where(d => d.Document?["version"]?.GetValue<string>() == "v1")
            .Select(d => (d.Key, d.Document!));

    /// <summary>
    /// The profile a GPU node without the config label gets: the device plugin release's <c>config.default</c>
    /// value (chart values of nvidia/k8s-device-plugin), or null when no release names one.
    /// </summary>
    public static string? DefaultName(ProgramSnapshot program) => program.OfType("kubernetes:helm.sh/v3:Release")
        .Where(r => (r.Text("chart") ?? "").EndsWith("nvidia-device-plugin", StringComparison.Ordinal))
        .Select(r => r.Text("values", "config", "default"))
        .FirstOrDefault(d => d is not null);

    private static SharingProfile From(string name, JsonObject document)
    {
        // A MIG strategy other than none makes the plugin advertise MIG devices (time-sliced when it also shares).
        var migStrategy = document["flags"]?["migStrategy"]?.GetValue<string>() ?? "none";
        var mig = migStrategy != "none";
        // The plugin's config has one sharing section (timeSlicing or mps); none means whole GPUs.
        if (document["sharing"] is not JsonObject sharing || sharing.FirstOrDefault(s => s.Value is JsonObject) is not { Value: JsonObject section } strategy)
        {
            return new SharingProfile(name, mig ? "mig" : "none", 1, false, migStrategy);
        }
        var replicas = (section["resources"] as JsonArray ?? [])
            .Select(r => int.TryParse(r?["replicas"]?.GetValue<string>(), out var n) ? n : 1)
            .DefaultIfEmpty(1).Max();
        return new SharingProfile(name, mig ? "mig" : strategy.Key, replicas, section["renameByDefault"]?.GetValue<string>() == "true", migStrategy);
    }
}

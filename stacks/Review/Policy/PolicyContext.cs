using GpuSlicingInfra.Components;
using GpuSlicingInfra.Stacks.Settings;

namespace GpuSlicingInfra.Stacks.Review.Policy;

/// <summary>What policy rules read, with the lookups several rules share.</summary>
/// <param name="Settings">Validated stack settings.</param>
/// <param name="Program">The compiled program.</param>
public sealed record PolicyContext(StackSettings Settings, ProgramSnapshot Program)
{
    /// <summary>Whether this is a production stack.</summary>
    public bool IsProd => Settings.Platform.Environment == "prod";

    /// <summary>Managed node groups.</summary>
    public IEnumerable<ProgramResource> NodeGroups => Program.OfType("eks:ManagedNodeGroup");

    /// <summary>GPU node groups: those with the NVIDIA AMI or the <c>nvidia.com/gpu.present</c> label.</summary>
    public IEnumerable<ProgramResource> GpuNodeGroups => NodeGroups.Where(n =>
        (n.Text("amiType") ?? "").Contains("NVIDIA", StringComparison.Ordinal) || n.Text("labels", "nvidia.com/gpu.present") == "true");

    /// <summary>The config key path for a node group: its pool section, or the cluster section for the system group.</summary>
    public static string KeyPathOf(ProgramResource nodeGroup)
    {
        ArgumentNullException.ThrowIfNull(nodeGroup);
        return nodeGroup.Text("labels", WellKnownKeys.PoolLabel) is { } pool ? SettingsBinder.ToKeyPath($"GpuPools[{pool}]") : SettingsBinder.ToKeyPath("Cluster");
    }

    /// <summary>The Karpenter NodePools (<c>karpenter.sh</c> <c>NodePool</c> custom resources).</summary>
    public IEnumerable<ProgramResource> NodePools => CustomResources("NodePool");

    /// <summary>The Karpenter EC2NodeClasses.</summary>
    public IEnumerable<ProgramResource> NodeClasses => CustomResources("EC2NodeClass");

    /// <summary>The Karpenter NodeOverlays.</summary>
    public IEnumerable<ProgramResource> NodeOverlays => CustomResources("NodeOverlay");

    /// <summary>
    /// The config key path of a Karpenter resource: its pool section, found by the pool label of a NodePool
    /// template, the pool tag of an EC2NodeClass, or else its Kubernetes name (which is the pool name).
    /// </summary>
    public static string KeyPathOfKarpenter(ProgramResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var pool = resource.Text("spec", "template", "metadata", "labels", WellKnownKeys.PoolLabel)
            ?? resource.Text("spec", "tags", WellKnownKeys.PoolLabel)
            ?? resource.Text("metadata", "name");
        return pool is null ? SettingsBinder.ToKeyPath("Karpenter") : SettingsBinder.ToKeyPath($"GpuPools[{pool}]");
    }

    /// <summary>The names of the device plugin config profiles: the data keys of its ConfigMap(s).</summary>
    public IReadOnlySet<string> DevicePluginProfiles =>
        Program.OfType("kubernetes:core/v1:ConfigMap")
            .SelectMany(c => c.Node("data") is System.Text.Json.Nodes.JsonObject data
                ? data.Where(d => d.Value is System.Text.Json.Nodes.JsonValue v && YamlJson.TryParse(v.GetValue<string>())?["version"]?.GetValue<string>() == "v1").Select(d => d.Key)
                : [])
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Slices per GPU of a device plugin config profile, read from the ConfigMap: the largest replicas it
    /// shares a resource with, 1 when it does not share; null when no ConfigMap defines the profile.
    /// </summary>
    public int? SlicesPerGpu(string profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        foreach (var configMap in Program.OfType("kubernetes:core/v1:ConfigMap"))
        {
            if (configMap.Node("data", profile) is not System.Text.Json.Nodes.JsonValue text
                || YamlJson.TryParse(text.GetValue<string>()) is not { } document || document["version"]?.GetValue<string>() != "v1")
            {
                continue;
            }
            var replicas = (document["sharing"] as System.Text.Json.Nodes.JsonObject ?? [])
                .SelectMany(s => s.Value?["resources"] as System.Text.Json.Nodes.JsonArray ?? [])
                .Select(r => int.TryParse(r?["replicas"]?.GetValue<string>(), out var n) ? n : 1);
            return replicas.DefaultIfEmpty(1).Max();
        }
        return null;
    }

    private IEnumerable<ProgramResource> CustomResources(string kind) =>
        Program.OfType("kubernetes:apiextensions.k8s.io:CustomResource").Where(r => r.Text("kind") == kind);

    /// <summary>The node group launched from a launch template, if any.</summary>
    public ProgramResource? NodeGroupUsing(ProgramResource launchTemplate)
    {
        ArgumentNullException.ThrowIfNull(launchTemplate);
        return NodeGroups.FirstOrDefault(n => n.Text("launchTemplate", "id") == $"${{{launchTemplate.Name}.id}}");
    }
}

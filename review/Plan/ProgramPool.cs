using System.Globalization;
using System.Text.Json.Nodes;
using GpuSlicingInfra.Components;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Review.Cost;

namespace GpuSlicingInfra.Review.Plan;

/// <summary>
/// One GPU pool as a program declares it: a GPU managed node group, a Karpenter NodePool, or both under one
/// pool name. Everything comes from the program, so any program (a stack's, or one composed in C#) is planned alike.
/// </summary>
/// <param name="Name">The <c>gpu-slicing-infra/pool</c> label, else the node group's logical name or the NodePool's name;
/// the logical name when an earlier node group or NodePool of the program already took that name.</param>
/// <param name="Group">The managed node group's instance types and sizes; null without one.</param>
/// <param name="Karpenter">The NodePool's allowed types, node limit and mode; null without one.</param>
/// <param name="CapacityType"><c>onDemand</c> or <c>spot</c> (the node group's when there is one).</param>
/// <param name="Profile">The device plugin profile its nodes select.</param>
/// <param name="MigDevices">MIG profile → devices per GPU its nodes create at boot (<see cref="MigNodes"/>); empty without MIG.</param>
/// <param name="LatencySensitive">Its nodes carry the <c>gpu-slicing-infra/latency-sensitive</c> label.</param>
internal sealed record ProgramPool(string Name, GroupNodes? Group, KarpenterNodes? Karpenter, string CapacityType, SharingProfile Profile, IReadOnlyDictionary<string, int> MigDevices,
    bool LatencySensitive)
{
    /// <summary>
    /// The types the pool may launch: the node group's in its order (on-demand node groups launch them in list
    /// order), else the catalog types the NodePool's requirements allow, cheapest first (Karpenter launches the
    /// cheapest type that fits).
    /// </summary>
    public IReadOnlyList<string> InstanceTypes => Group?.InstanceTypes ?? Karpenter!.AllowedTypes;

    /// <summary>The labels and taints its nodes get (what <c>verify</c> compares live nodes with).</summary>
    public required PoolNodeSettings NodeSettings { get; init; }

    /// <summary>Every GPU pool of <paramref name="program"/>, in order of its first resource.</summary>
    public static IReadOnlyList<ProgramPool> All(ProgramSnapshot program, IPriceSource prices, GpuInstanceCatalog catalog)
    {
        var defaultProfile = SharingProfile.DefaultName(program);
        var order = new List<string>();
        var groups = new Dictionary<string, ProgramResource>(StringComparer.Ordinal);
        var nodePools = new Dictionary<string, ProgramResource>(StringComparer.Ordinal);
        foreach (var resource in program.Resources)
        {
            var (name, into) = IsGpuNodeGroup(resource) ? (resource.Text("labels", WellKnownKeys.PoolLabel) ?? resource.Name, groups)
                : IsNodePool(resource) ? (resource.Text("spec", "template", "metadata", "labels", WellKnownKeys.PoolLabel) ?? resource.Text("metadata", "name") ?? resource.Name, nodePools)
                : (null, null);
            if (name is null || into is null)
            {
                continue;
            }
            if (!into.TryAdd(name, resource))
            {
                // Two platforms in one program may each have a pool of this name: the later one is planned
                // under its logical name (unique in a program) instead of being dropped from counts and cost.
                name = resource.Name;
                into[name] = resource;
            }
            if (!order.Contains(name))
            {
                order.Add(name);
            }
        }
        return [.. order.Select(name => Pool(program, name, groups.GetValueOrDefault(name), nodePools.GetValueOrDefault(name), defaultProfile, prices, catalog))];
    }

    /// <summary>
    /// GPU node groups: the NVIDIA AMI or the <c>nvidia.com/gpu.present</c> label, on a node group of a created cluster
    /// (<c>eks:ManagedNodeGroup</c>) or of an existing one (<c>aws:eks:NodeGroup</c>).
    /// </summary>
    public static bool IsGpuNodeGroup(ProgramResource resource) => IsNodeGroup(resource) &&
        ((resource.Text("amiType") ?? "").Contains("NVIDIA", StringComparison.Ordinal) || resource.Text("labels", WellKnownKeys.GpuPresentLabel) == "true");

    /// <summary>Managed node groups: the <c>eks:</c> component's, or the raw <c>aws:eks:NodeGroup</c> an existing cluster gets.</summary>
    public static bool IsNodeGroup(ProgramResource resource) => resource.Type is "eks:ManagedNodeGroup" or "aws:eks:NodeGroup";

    /// <summary>Karpenter NodePools (<c>karpenter.sh</c> custom resources of kind NodePool).</summary>
    public static bool IsNodePool(ProgramResource resource) =>
        resource.Type == "kubernetes:apiextensions.k8s.io:CustomResource" && resource.Text("kind") == "NodePool";

    private static ProgramPool Pool(ProgramSnapshot program, string name, ProgramResource? group, ProgramResource? nodePool, string? defaultProfile, IPriceSource prices, GpuInstanceCatalog catalog)
    {
        var profileName = group?.Text("labels", WellKnownKeys.DevicePluginConfigLabel)
            ?? nodePool?.Text("spec", "template", "metadata", "labels", WellKnownKeys.DevicePluginConfigLabel)
            ?? defaultProfile ?? "default";
        var profile = SharingProfile.Find(program, profileName);
        var groupNodes = group is null ? null : new GroupNodes(
            [.. (group.Node("instanceTypes") as JsonArray ?? []).OfType<JsonValue>().Select(v => v.GetValue<string>())],
            new NodeCounts(Count(group.Text("scalingConfig", "minSize")), Count(group.Text("scalingConfig", "desiredSize")), Count(group.Text("scalingConfig", "maxSize"))));
        var karpenter = nodePool is null ? null : KarpenterNodes.Of(program, nodePool, profile, prices, catalog);
        var capacity = group is not null
            ? (group.Text("capacityType") == "SPOT" ? "spot" : "onDemand")
            : karpenter!.CapacityType;
        var latencySensitive = (group?.Text("labels", WellKnownKeys.LatencySensitiveLabel)
            ?? nodePool?.Text("spec", "template", "metadata", "labels", WellKnownKeys.LatencySensitiveLabel)) == "true";
        return new ProgramPool(name, groupNodes, karpenter, capacity, profile, MigNodes.DevicesPerGpu(program, group, nodePool), latencySensitive)
        {
            NodeSettings = new PoolNodeSettings(name, group is null ? null : Plan.NodeSettings.OfNodeGroup(group), nodePool is null ? null : Plan.NodeSettings.OfNodePool(nodePool),
                nodePool is null ? null : nodePool.Text("metadata", "name") ?? nodePool.Name),
        };
    }

    /// <summary>A count in the program; 0 when absent or not a number (policy reports missing limits).</summary>
    public static int Count(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}

/// <summary>A managed node group's instance types and sizes.</summary>
/// <param name="InstanceTypes">In the node group's order.</param>
/// <param name="Nodes">min / desired / max.</param>
internal sealed record GroupNodes(IReadOnlyList<string> InstanceTypes, NodeCounts Nodes);


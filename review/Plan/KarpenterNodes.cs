using System.Text.Json.Nodes;
using GpuSlicingInfra.Components;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Review.Cost;

namespace GpuSlicingInfra.Review.Plan;

/// <summary>What a Karpenter NodePool of the program can add: the types it allows, its node limit and its mode.</summary>
/// <param name="AllowedTypes">Instance types its requirements allow, cheapest first (unpriced last, then by name).</param>
/// <param name="MaxNodes">Its <c>limits.nodes</c> (0 when unset).</param>
/// <param name="Mode"><c>plain</c> (no NodeOverlay targets it), <c>overlay-override</c> or <c>overlay-shared</c>.</param>
/// <param name="PodResource">What its pods request: the overlay's resource, else the profile's.</param>
/// <param name="CapacityType"><c>spot</c> when its capacity-type requirement allows spot, else <c>onDemand</c>.</param>
internal sealed record KarpenterNodes(IReadOnlyList<string> AllowedTypes, int MaxNodes, string Mode, string PodResource, string CapacityType)
{
    /// <summary>The NodePool's facts.</summary>
    public static KarpenterNodes Of(ProgramSnapshot program, ProgramResource nodePool, SharingProfile profile, IPriceSource prices, GpuInstanceCatalog catalog)
    {
        var requirements = In(nodePool.Node("spec", "template", "spec", "requirements"));
        var allowed = AllowedBy(nodePool, catalog)
            .OrderBy(t => prices.HourlyUsd(t) is null)
            .ThenBy(t => prices.HourlyUsd(t) ?? 0m)
            .ThenBy(t => t, StringComparer.Ordinal)
            .ToList();
        var name = nodePool.Text("metadata", "name") ?? nodePool.Name;
        var overlayResource = OverlayResource(program, name);
        var mode = overlayResource is null ? "plain" : overlayResource == WellKnownKeys.SharedGpuResource ? "overlay-shared" : "overlay-override";
        var capacity = requirements.TryGetValue(WellKnownKeys.CapacityTypeLabel, out var types) && types.Contains("spot") ? "spot" : "onDemand";
        return new KarpenterNodes(allowed, ProgramPool.Count(nodePool.Text("spec", "limits", "nodes")), mode, overlayResource ?? profile.ResourceName, capacity);
    }

    /// <summary>The types a NodePool's requirements allow: its named instance types, else the catalog types of its families (and GPU counts, when given).</summary>
    public static IEnumerable<string> AllowedBy(ProgramResource nodePool, GpuInstanceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(nodePool);
        ArgumentNullException.ThrowIfNull(catalog);
        var requirements = In(nodePool.Node("spec", "template", "spec", "requirements"));
        if (requirements.TryGetValue(WellKnownKeys.InstanceTypeLabel, out var named))
        {
            return named;
        }
        if (!requirements.TryGetValue(WellKnownKeys.InstanceFamilyLabel, out var families))
        {
            return [];
        }
        requirements.TryGetValue(WellKnownKeys.InstanceGpuCountLabel, out var counts);
        return catalog.All
            .Where(t => t.KarpenterCanProvision && families.Contains(t.Family) && (counts is null || counts.Contains(t.GpuCount.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .Select(t => t.Name);
    }

    // The extended resource the NodeOverlays that target this NodePool declare (karpenter.sh/nodepool In [name]).
    private static string? OverlayResource(ProgramSnapshot program, string nodePoolName)
    {
        var keys = program
            .OfType("kubernetes:apiextensions.k8s.io:CustomResource")
            .Where(r => r.Text("kind") == "NodeOverlay"
                && In(r.Node("spec", "requirements")).TryGetValue(WellKnownKeys.NodePoolLabel, out var pools) && pools.Contains(nodePoolName))
            .SelectMany(r => r.Node("spec", "capacity") as JsonObject ?? [])
            // Overlays of renaming and MIG mixed pools also zero nvidia.com/gpu; what a pool offers is non-zero.
            .Where(c => c.Value?.ToString() != "0")
            .Select(c => c.Key)
            .ToList();
        // A MIG mixed overlay declares nvidia.com/mig-<profile> resources, and nvidia.com/gpu as 0: pods request the former.
        return keys.Any(k => k.StartsWith(WellKnownKeys.MigResourcePrefix, StringComparison.Ordinal))
            ? WellKnownKeys.MigResourcePrefix + "<profile>"
            : keys.FirstOrDefault(k => k is WellKnownKeys.GpuResource or WellKnownKeys.SharedGpuResource);
    }

    /// <summary>The <c>In</c> requirements of a node selector list, by key.</summary>
    public static Dictionary<string, HashSet<string>> In(JsonNode? requirements) =>
        (requirements as JsonArray ?? []).OfType<JsonObject>()
            .Where(r => r["operator"]?.GetValue<string>() == "In")
            .GroupBy(r => r["key"]?.GetValue<string>() ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(r => (r["values"] as JsonArray ?? []).OfType<JsonValue>().Select(v => v.GetValue<string>())).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
}

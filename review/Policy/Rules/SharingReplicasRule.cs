using System.Text.Json.Nodes;
using GpuSlicingInfra.Components;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Review.Plan;

namespace GpuSlicingInfra.Review.Policy.Rules;

/// <summary>
/// GSI009: every sharing profile in the emitted device-plugin ConfigMap has at least 2 replicas (the
/// plugin refuses fewer: "number of replicas must be >= 2") — an error; and at most as many replicas
/// as the GiB of memory of the GPUs of the pools using it — a warning above that bound, because every
/// replica shares all of the GPU's memory, leaving under 1 GiB each.
/// </summary>
public sealed class SharingReplicasRule : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "GSI009";

    /// <inheritdoc />
    public override string Title => "Sharing replicas ≥ 2 (error) and ≤ GPU memory in GiB of the pool's GPU (warning)";

    /// <inheritdoc />
    public override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var configMap in context.Program.OfType("kubernetes:core/v1:ConfigMap"))
        {
            if (configMap.Node("data") is not JsonObject data)
            {
                continue;
            }
            foreach (var (profile, text) in data)
            {
                var document = text is JsonValue v ? YamlJson.TryParse(v.GetValue<string>()) : null;
                if (document?["version"]?.GetValue<string>() != "v1")
                {
                    continue; // not a device plugin config
                }
                var keyPath = context.KeyPath($"DevicePlugin.Profiles[{profile}].Replicas", configMap.Name);
                // MIG devices have their own memory: the bound below is about whole GPUs.
                var mig = (document["flags"]?["migStrategy"]?.GetValue<string>() ?? "none") != "none";
                var mps = document["sharing"]?["mps"] is JsonObject;
                foreach (var replicas in Replicas(document))
                {
                    if (replicas < SharingProfileOptions.MinReplicas)
                    {
                        yield return Error($"profile {profile} shares each GPU as {replicas} replica(s); the device plugin refuses fewer than {SharingProfileOptions.MinReplicas} (use strategy 'none' for no sharing).", keyPath, configMap.Name);
                        continue;
                    }
                    foreach (var (pool, memory) in mig ? [] : PoolsUsing(context, profile).Where(p => replicas > p.GpuMemoryGiB))
                    {
                        yield return Warning(mps
                            ? $"profile {profile} has {replicas} replicas, more than the {memory} GiB of the GPUs of pool {pool}: MPS limits each client to 1/{replicas} of the GPU's memory, under 1 GiB."
                            : $"profile {profile} has {replicas} replicas, more than the {memory} GiB of the GPUs of pool {pool}: time-slicing does not partition memory, so each slice's fair share is under 1 GiB.", keyPath, configMap.Name);
                    }
                }
            }
        }
    }

    private static IEnumerable<int> Replicas(JsonNode document)
    {
        if (document["sharing"] is not JsonObject sharing)
        {
            yield break;
        }
        foreach (var (_, strategy) in sharing)
        {
            foreach (var resource in strategy?["resources"] as JsonArray ?? [])
            {
                yield return int.TryParse(resource?["replicas"]?.GetValue<string>(), out var n) ? n : 0;
            }
        }
    }

    private static IEnumerable<(string Pool, int GpuMemoryGiB)> PoolsUsing(PolicyContext context, string profile)
    {
        var groups = context.GpuNodeGroups
            .Where(g => g.Text("labels", WellKnownKeys.DevicePluginConfigLabel) == profile)
            .Select(g => (
                g.Text("labels", WellKnownKeys.PoolLabel) ?? g.Name,
                SmallestMemory((g.Node("instanceTypes") as JsonArray ?? []).Select(t => context.Context.InstanceCatalog.Find(t?.GetValue<string>() ?? "")))));
        var nodePools = context.NodePools
            .Where(p => p.Text("spec", "template", "metadata", "labels", WellKnownKeys.DevicePluginConfigLabel) == profile)
            .Select(p => (p.Text("spec", "template", "metadata", "labels", WellKnownKeys.PoolLabel) ?? p.Name, SmallestMemory(KarpenterNodes.AllowedBy(p, context.Context.InstanceCatalog).Select(context.Context.InstanceCatalog.Find))));
        return groups.Concat(nodePools).Where(p => p.Item2 != int.MaxValue).DistinctBy(p => p.Item1);
    }

    private static int SmallestMemory(IEnumerable<GpuInstanceType?> types) =>
        types.Select(t => t?.GpuMemoryGiB ?? int.MaxValue).DefaultIfEmpty(int.MaxValue).Min();
}

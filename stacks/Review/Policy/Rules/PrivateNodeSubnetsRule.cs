using System.Text.Json.Nodes;

namespace GpuSlicingInfra.Stacks.Review.Policy.Rules;

/// <summary>GSI003: nodes run in private subnets only (EKS Best Practices, hosts; security.md #9).</summary>
public sealed class PrivateNodeSubnetsRule : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "GSI003";

    /// <inheritdoc />
    public override string Title => "Node groups and cluster nodes use private subnets";

    /// <inheritdoc />
    public override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var existingPrivate = context.Settings.Platform.Network.ExistingPrivateSubnetIds.ToHashSet(StringComparer.Ordinal);
        foreach (var group in context.NodeGroups)
        {
            if (!IsPrivate(group.Node("subnetIds"), existingPrivate))
            {
                yield return Error($"node group '{group.Name}' is not placed in private subnets only (subnetIds: {group.Node("subnetIds")?.ToJsonString()}); nodes must not be reachable from the internet (BPG hosts).",
                    PolicyContext.KeyPathOf(group), group.Name);
            }
        }
        foreach (var cluster in context.Program.OfType("eks:Cluster").Where(c => c.Node("nodeSubnetIds") is not null))
        {
            if (!IsPrivate(cluster.Node("nodeSubnetIds"), existingPrivate))
            {
                yield return Error($"cluster '{cluster.Name}' places nodes outside private subnets (nodeSubnetIds, BPG hosts).",
                    Settings.SettingsBinder.ToKeyPath("Network"), cluster.Name);
            }
        }
    }

    // A new VPC's private subnets are an output reference; an existing VPC's are the configured ids.
    private static bool IsPrivate(JsonNode? subnets, HashSet<string> existingPrivate) => subnets switch
    {
        JsonValue reference => reference.GetValue<string>().EndsWith(".privateSubnetIds}", StringComparison.Ordinal),
        JsonArray ids => ids.Count > 0 && ids.All(id => id is JsonValue v && existingPrivate.Contains(v.GetValue<string>())),
        _ => false,
    };
}

using System.Text.Json.Nodes;
using GpuSlicingInfra.Components;

namespace GpuSlicingInfra.Review.Policy.Rules;

/// <summary>
/// GSI003: nodes run in private subnets only (EKS Best Practices, hosts; security.md #9): node groups and the
/// cluster's node subnets, and Karpenter's EC2NodeClasses, whose <c>subnetSelectorTerms</c> must select by the
/// <c>karpenter.sh/discovery</c> tag (or by the configured private subnet ids of an existing VPC), never other
/// ids; and a new VPC must carry that tag on its private subnets only.
/// </summary>
public sealed class PrivateNodeSubnetsRule : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "GSI003";

    /// <inheritdoc />
    public override string Title => "Node groups, cluster nodes and Karpenter (subnetSelectorTerms by the discovery tag) use private subnets";

    /// <inheritdoc />
    public override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var existingPrivate = context.DeclaredPrivateSubnetIds.ToHashSet(StringComparer.Ordinal);
        foreach (var group in context.NodeGroups)
        {
            if (!IsPrivate(group.Node("subnetIds"), existingPrivate))
            {
                yield return Error($"node group '{group.Name}' is not placed in private subnets only (subnetIds: {group.Node("subnetIds")?.ToJsonString()}); nodes must not be reachable from the internet (BPG hosts).",
                    context.KeyPathOf(group), group.Name);
            }
        }
        foreach (var cluster in context.Program.OfType("eks:Cluster").Where(c => c.Node("nodeSubnetIds") is not null))
        {
            if (!IsPrivate(cluster.Node("nodeSubnetIds"), existingPrivate))
            {
                yield return Error($"cluster '{cluster.Name}' places nodes outside private subnets (nodeSubnetIds, BPG hosts).",
                    context.KeyPath("Network", cluster.Name), cluster.Name);
            }
        }
        foreach (var finding in CheckKarpenter(context, existingPrivate))
        {
            yield return finding;
        }
    }

    private IEnumerable<PolicyFinding> CheckKarpenter(PolicyContext context, HashSet<string> existingPrivate)
    {
        foreach (var nodeClass in context.NodeClasses)
        {
            var terms = nodeClass.Node("spec", "subnetSelectorTerms") as JsonArray ?? [];
            var bad = terms.Count == 0 ? "none" : string.Join("; ", terms.Where(t => !IsPrivateTerm(t, existingPrivate)).Select(t => t?.ToJsonString()));
            if (terms.Count == 0 || bad.Length > 0)
            {
                yield return Error($"EC2NodeClass '{nodeClass.Name}' may place Karpenter nodes outside the private subnets (subnetSelectorTerms: {bad}); select subnets by the {WellKnownKeys.KarpenterDiscoveryTag} tag, which only private subnets carry (BPG hosts, security.md #9).",
                    context.KeyPathOfKarpenter(nodeClass), nodeClass.Name);
            }
        }
        foreach (var vpc in context.Program.OfType("awsx:ec2:Vpc"))
        {
            foreach (var spec in (vpc.Node("subnetSpecs") as JsonArray ?? []).OfType<JsonObject>())
            {
                if (spec["type"]?.GetValue<string>() != "Private" && spec["tags"]?[WellKnownKeys.KarpenterDiscoveryTag] is not null)
                {
                    yield return Error($"VPC '{vpc.Name}' tags its {spec["type"]?.GetValue<string>()} subnets {WellKnownKeys.KarpenterDiscoveryTag}: Karpenter would launch nodes there (BPG hosts, security.md #9, #18).",
                        context.KeyPath("Network", vpc.Name), vpc.Name);
                }
            }
        }
    }

    // A term selects by the discovery tag alone, or by ids that are all configured private subnets.
    private static bool IsPrivateTerm(JsonNode? term, HashSet<string> existingPrivate) => term switch
    {
        JsonObject t when t["id"] is JsonValue id => existingPrivate.Contains(id.GetValue<string>()) && t.Count == 1,
        JsonObject t when t["tags"] is JsonObject tags => t.Count == 1 && tags[WellKnownKeys.KarpenterDiscoveryTag] is JsonValue,
        _ => false,
    };

    // A new VPC's private subnets are an output reference; an existing VPC's are the configured ids.
    private static bool IsPrivate(JsonNode? subnets, HashSet<string> existingPrivate) => subnets switch
    {
        JsonValue reference => reference.GetValue<string>().EndsWith(".privateSubnetIds}", StringComparison.Ordinal),
        JsonArray ids => ids.Count > 0 && ids.All(id => id is JsonValue v && existingPrivate.Contains(v.GetValue<string>())),
        _ => false,
    };
}

using System.Text.Json.Nodes;

namespace GpuSlicingInfra.Review.Policy.Rules;

/// <summary>
/// GSI014: node root volumes are encrypted (security.md #10): every launch template and every Karpenter
/// EC2NodeClass maps its volumes explicitly (without a mapping the AMI's unencrypted default applies) and
/// each mapped EBS volume has <c>encrypted: true</c>.
/// </summary>
public sealed class EncryptedVolumesRule : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "GSI014";

    /// <inheritdoc />
    public override string Title => "Node root volumes encrypted (launch templates and EC2NodeClasses)";

    /// <inheritdoc />
    public override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var template in context.Program.OfType("aws:ec2:LaunchTemplate"))
        {
            if (!AllEncrypted(template.Node("blockDeviceMappings")))
            {
                var group = context.NodeGroupUsing(template);
                yield return Error($"launch template '{template.Name}' does not encrypt every node volume (blockDeviceMappings[].ebs.encrypted; security.md #10).",
                    group is null ? context.KeyPath("Cluster", template.Name) : context.KeyPathOf(group), template.Name);
            }
        }
        foreach (var nodeClass in context.NodeClasses)
        {
            if (!AllEncrypted(nodeClass.Node("spec", "blockDeviceMappings")))
            {
                yield return Error($"EC2NodeClass '{nodeClass.Name}' does not encrypt every node volume (spec.blockDeviceMappings[].ebs.encrypted; security.md #10).",
                    context.KeyPathOfKarpenter(nodeClass), nodeClass.Name);
            }
        }
    }

    private static bool AllEncrypted(JsonNode? mappings) => mappings is JsonArray list && list.Count > 0 &&
        list.All(m => m?["ebs"] is not JsonObject ebs || ebs["encrypted"] is JsonValue v && v.GetValue<string>() == "true");
}


namespace GpuSlicingInfra.Review.Policy.Rules;

/// <summary>
/// GSI002: every launch template and every Karpenter EC2NodeClass requires IMDSv2 tokens (CKV_AWS_79) with a
/// bounded hop limit (CKV_AWS_341; security.md #7). Launch templates: at most 2 (the system nodes' controllers
/// reach IMDS through one hop, a documented need). EC2NodeClasses launch GPU nodes only, whose pods never
/// need IMDS: 1; a limit of 2 is a warning (security.md #7 allows it only when a pod's need is documented),
/// more an error.
/// </summary>
public sealed class ImdsV2Rule : PolicyRule
{
    /// <summary>Hop limit 2 lets a pod reach IMDS through one network hop; more is never needed.</summary>
    public const int MaxHopLimit = 2;

    /// <summary>The hop limit of Karpenter's GPU nodes: the node itself only.</summary>
    public const int NodeClassHopLimit = 1;

    /// <inheritdoc />
    public override string Id => "GSI002";

    /// <inheritdoc />
    public override string Title => "Launch templates and EC2NodeClasses require IMDSv2 (httpTokens: required; hop limit ≤ 2, EC2NodeClass 1)";

    /// <inheritdoc />
    public override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var template in context.Program.OfType("aws:ec2:LaunchTemplate"))
        {
            var group = context.NodeGroupUsing(template);
            var keyPath = group is null ? context.KeyPath("Cluster", template.Name) : context.KeyPathOf(group);
            if (template.Text("metadataOptions", "httpTokens") != "required")
            {
                yield return Error($"launch template '{template.Name}' does not require IMDSv2 tokens (metadataOptions.httpTokens must be 'required', CKV_AWS_79).", keyPath, template.Name);
            }
            if (!int.TryParse(template.Text("metadataOptions", "httpPutResponseHopLimit"), out var hops) || hops > MaxHopLimit)
            {
                yield return Error($"launch template '{template.Name}' has no IMDS hop limit of at most {MaxHopLimit} (CKV_AWS_341).", keyPath, template.Name);
            }
        }
        foreach (var nodeClass in context.NodeClasses)
        {
            var keyPath = context.KeyPathOfKarpenter(nodeClass);
            if (nodeClass.Text("spec", "metadataOptions", "httpTokens") != "required")
            {
                yield return Error($"EC2NodeClass '{nodeClass.Name}' does not require IMDSv2 tokens (spec.metadataOptions.httpTokens must be 'required', CKV_AWS_79).", keyPath, nodeClass.Name);
            }
            var hopText = nodeClass.Text("spec", "metadataOptions", "httpPutResponseHopLimit");
            if (!int.TryParse(hopText, out var hops) || hops > MaxHopLimit)
            {
                yield return Error($"EC2NodeClass '{nodeClass.Name}' has no IMDS hop limit of at most {NodeClassHopLimit} (spec.metadataOptions.httpPutResponseHopLimit: {hopText ?? "unset"}; CKV_AWS_341).", keyPath, nodeClass.Name);
            }
            else if (hops > NodeClassHopLimit)
            {
                yield return Warning($"EC2NodeClass '{nodeClass.Name}' lets pods reach IMDS (hop limit {hops}); GPU pods should not need it: use {NodeClassHopLimit}, or document the pod that needs it (security.md #7, CKV_AWS_341).", keyPath, nodeClass.Name);
            }
        }
    }
}

namespace GpuSlicingInfra.Stacks.Review.Policy.Rules;

/// <summary>GSI002: every launch template requires IMDSv2 tokens with a hop limit of at most 2 (CKV_AWS_79, CKV_AWS_341).</summary>
public sealed class ImdsV2Rule : PolicyRule
{
    /// <summary>Hop limit 2 lets a pod reach IMDS through one network hop; more is never needed.</summary>
    public const int MaxHopLimit = 2;

    /// <inheritdoc />
    public override string Id => "GSI002";

    /// <inheritdoc />
    public override string Title => "Launch templates require IMDSv2 (httpTokens: required, hop limit ≤ 2)";

    /// <inheritdoc />
    public override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var template in context.Program.OfType("aws:ec2:LaunchTemplate"))
        {
            var group = context.NodeGroupUsing(template);
            var keyPath = group is null ? Settings.SettingsBinder.ToKeyPath("Cluster") : PolicyContext.KeyPathOf(group);
            if (template.Text("metadataOptions", "httpTokens") != "required")
            {
                yield return Error($"launch template '{template.Name}' does not require IMDSv2 tokens (metadataOptions.httpTokens must be 'required', CKV_AWS_79).", keyPath, template.Name);
            }
            if (!int.TryParse(template.Text("metadataOptions", "httpPutResponseHopLimit"), out var hops) || hops > MaxHopLimit)
            {
                yield return Error($"launch template '{template.Name}' has no IMDS hop limit of at most {MaxHopLimit} (CKV_AWS_341).", keyPath, template.Name);
            }
        }
    }
}

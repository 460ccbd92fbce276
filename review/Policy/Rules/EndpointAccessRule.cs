using System.Text.Json.Nodes;

namespace GpuSlicingInfra.Review.Policy.Rules;

/// <summary>
/// GSI006: the API endpoint is never open to the world (CKV_AWS_38): a public endpoint needs explicit
/// CIDRs, because EKS opens an endpoint without them to <c>0.0.0.0/0</c>.
/// </summary>
public sealed class EndpointNotWorldOpenRule : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "GSI006";

    /// <inheritdoc />
    public override string Title => "A public API endpoint is limited to explicit CIDRs, never 0.0.0.0/0 or ::/0";

    /// <inheritdoc />
    public override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var cluster in context.Program.OfType("eks:Cluster").Where(c => c.Text("endpointPublicAccess") == "true"))
        {
            var cidrs = (cluster.Node("publicAccessCidrs") as JsonArray ?? []).Select(c => c?.GetValue<string>()).ToList();
            if (cidrs.Count == 0 || cidrs.Any(c => c is "0.0.0.0/0" or "::/0"))
            {
                yield return Error($"cluster '{cluster.Name}' has a public API endpoint open to the world (publicAccessCidrs: {(cidrs.Count == 0 ? "none, which EKS treats as 0.0.0.0/0" : string.Join(", ", cidrs))}; CKV_AWS_38).",
                    context.KeyPath("Cluster.PublicAccessCidrs", cluster.Name), cluster.Name);
            }
        }
    }
}


namespace GpuSlicingInfra.Review.Policy.Rules;

/// <summary>
/// GSI007: the API endpoint is private (CKV_AWS_39). In prod a public endpoint is an error (security.md #1:
/// prod is private only); elsewhere it is a warning, since dev may open it to explicit CIDRs.
/// </summary>
public sealed class EndpointPrivateRule : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "GSI007";

    /// <inheritdoc />
    public override string Title => "API endpoint private (prod: private only — error; other stacks: warning)";

    /// <inheritdoc />
    public override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var cluster in context.Program.OfType("eks:Cluster"))
        {
            var keyPath = context.KeyPath("Cluster.EndpointPublicAccess", cluster.Name);
            if (cluster.Text("endpointPrivateAccess") != "true")
            {
                yield return Error($"cluster '{cluster.Name}' has no private API endpoint (CKV_AWS_39).", context.KeyPath("Cluster.EndpointPrivateAccess", cluster.Name), cluster.Name);
            }
            if (cluster.Text("endpointPublicAccess") == "true")
            {
                yield return context.IsProd
                    ? Error($"cluster '{cluster.Name}' has a public API endpoint in prod; prod endpoints are private only (CKV_AWS_39).", keyPath, cluster.Name)
                    : Warning($"cluster '{cluster.Name}' has a public API endpoint (limited to explicit CIDRs); CKV_AWS_39 prefers private only.", keyPath, cluster.Name);
            }
        }
    }
}

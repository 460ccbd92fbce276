
namespace GpuSlicingInfra.Review.Policy.Rules;

/// <summary>
/// GSI008: in prod the cluster (with EKS deletion protection), VPC, KMS keys and node groups are
/// protected, so a rename or a mistaken delete cannot destroy them (security.md #20).
/// </summary>
public sealed class ProdProtectionRule : PolicyRule
{
    private static readonly string[] ProtectedTypes = ["eks:Cluster", "awsx:ec2:Vpc", "aws:kms:Key", "eks:ManagedNodeGroup"];

    /// <inheritdoc />
    public override string Id => "GSI008";

    /// <inheritdoc />
    public override string Title => "Prod: cluster (with deletion protection), VPC, KMS keys and node groups protected";

    /// <inheritdoc />
    public override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsProd)
        {
            yield break;
        }
        foreach (var resource in context.Program.Resources.Where(r => ProtectedTypes.Contains(r.Type)))
        {
            if (resource.Option("protect") != "true")
            {
                yield return Error($"{resource.Type} '{resource.Name}' is not protected in prod (options.protect; security.md #20).", context.KeyPath("Protect", resource.Name), resource.Name);
            }
            if (resource.Type == "eks:Cluster" && resource.Text("deletionProtection") != "true")
            {
                yield return Error($"cluster '{resource.Name}' has no EKS deletion protection in prod (security.md #20).", context.KeyPath("Protect", resource.Name), resource.Name);
            }
        }
    }
}

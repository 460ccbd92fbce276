
namespace GpuSlicingInfra.Review.Policy.Rules;

/// <summary>GSI005: Kubernetes secrets are envelope-encrypted with a KMS key that rotates (CKV_AWS_58, CKV_AWS_7).</summary>
public sealed class SecretsEncryptionRule : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "GSI005";

    /// <inheritdoc />
    public override string Title => "Secrets encrypted with a KMS key; key rotation on";

    /// <inheritdoc />
    public override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var cluster in context.Program.OfType("eks:Cluster"))
        {
            if (string.IsNullOrEmpty(cluster.Text("encryptionConfigKeyArn")))
            {
                yield return Error($"cluster '{cluster.Name}' does not encrypt Kubernetes secrets with a KMS key (encryptionConfigKeyArn, CKV_AWS_58).", context.KeyPath("Cluster", cluster.Name), cluster.Name);
            }
        }
        foreach (var key in context.Program.OfType("aws:kms:Key"))
        {
            if (key.Text("enableKeyRotation") != "true")
            {
                yield return Error($"KMS key '{key.Name}' does not rotate (enableKeyRotation, CKV_AWS_7).", context.KeyPath("Cluster", key.Name), key.Name);
            }
        }
    }
}

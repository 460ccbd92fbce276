using GpuSlicingInfra.Review.Policy.Rules;

namespace GpuSlicingInfra.Review.Policy;

/// <summary>The rules <c>validate</c> runs. The list is the extension point: a new component appends its rules.</summary>
public static class PolicyRules
{
    /// <summary>Every built-in rule, in id order.</summary>
    public static IReadOnlyList<IPolicyRule> Default { get; } =
    [
        new GpuPoolTaintRule(),
        new ImdsV2Rule(),
        new PrivateNodeSubnetsRule(),
        new ControlPlaneLoggingRule(),
        new SecretsEncryptionRule(),
        new EndpointNotWorldOpenRule(),
        new EndpointPrivateRule(),
        new ProdProtectionRule(),
        new SharingReplicasRule(),
        new PinnedChartsRule(),
        new NodePoolLimitsRule(),
        new DevicePluginConfigLabelRule(),
        new KarpenterPlainModeRule(),
        new EncryptedVolumesRule(),
        new SharingAdviceRule(),
        new TenantQuotaRule(),
    ];

    /// <summary>Every finding of <paramref name="rules"/> (default: <see cref="Default"/>), errors first, then by rule id.</summary>
    public static IReadOnlyList<PolicyFinding> Run(PolicyContext context, IEnumerable<IPolicyRule>? rules = null) =>
        [.. (rules ?? Default).SelectMany(r => r.Check(context)).OrderBy(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal)];
}

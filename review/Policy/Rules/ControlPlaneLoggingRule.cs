using System.Text.Json.Nodes;
using GpuSlicingInfra.Components.Aws;

namespace GpuSlicingInfra.Review.Policy.Rules;

/// <summary>
/// GSI004: all five control-plane log types are on (CKV_AWS_37). An error in prod, where the audit
/// trail is needed; a warning elsewhere, where fewer logs may be a deliberate cost choice.
/// </summary>
public sealed class ControlPlaneLoggingRule : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "GSI004";

    /// <inheritdoc />
    public override string Title => "Control-plane logging: api, audit, authenticator, controllerManager, scheduler";

    /// <inheritdoc />
    public override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var cluster in context.Program.OfType("eks:Cluster"))
        {
            var enabled = (cluster.Node("enabledClusterLogTypes") as JsonArray ?? []).Select(t => t?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            var missing = ClusterOptions.AllLogTypes.Where(t => !enabled.Contains(t)).ToList();
            if (missing.Count == 0)
            {
                continue;
            }
            var message = $"cluster '{cluster.Name}' does not log {string.Join(", ", missing)} (CKV_AWS_37: enable all five control-plane log types).";
            var keyPath = context.KeyPath("Cluster.LogTypes", cluster.Name);
            yield return context.IsProd ? Error(message, keyPath, cluster.Name) : Warning(message, keyPath, cluster.Name);
        }
    }
}

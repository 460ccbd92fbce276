using GpuSlicingInfra.Components;
namespace GpuSlicingInfra.Review.Policy.Rules;

/// <summary>
/// GSI012: every <c>nvidia.com/device-plugin.config</c> node label, on managed node groups and on Karpenter
/// NodePool templates, names a profile of the device plugin ConfigMap. The plugin cannot load a missing
/// config: it logs an error and those nodes advertise no GPUs as configured (gpu-sharing.md).
/// </summary>
public sealed class DevicePluginConfigLabelRule : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "GSI012";

    /// <inheritdoc />
    public override string Title => "Every nvidia.com/device-plugin.config label names a profile of the device plugin ConfigMap";

    /// <inheritdoc />
    public override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var profiles = context.DevicePluginProfiles;
        var known = profiles.Count == 0 ? "none" : string.Join(", ", profiles.Order(StringComparer.Ordinal));
        foreach (var group in context.NodeGroups)
        {
            if (group.Text("labels", WellKnownKeys.DevicePluginConfigLabel) is { } profile && !profiles.Contains(profile))
            {
                yield return Error($"node group '{group.Name}' selects device plugin config '{profile}', which the ConfigMap does not define (profiles: {known}).",
                    context.KeyPathOf(group), group.Name);
            }
        }
        foreach (var pool in context.NodePools)
        {
            if (pool.Text("spec", "template", "metadata", "labels", WellKnownKeys.DevicePluginConfigLabel) is { } profile && !profiles.Contains(profile))
            {
                yield return Error($"Karpenter NodePool '{pool.Name}' labels its nodes with device plugin config '{profile}', which the ConfigMap does not define (profiles: {known}).",
                    context.KeyPathOfKarpenter(pool), pool.Name);
            }
        }
    }
}

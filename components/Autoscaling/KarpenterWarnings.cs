using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Platform;

namespace GpuSlicingInfra.Components.Autoscaling;

/// <summary>
/// Advice about a valid Karpenter setup that still behaves badly with time-slicing (for the plan and
/// validate commands). Each warning names the args field, like <see cref="ArgsProblem"/>.
/// </summary>
public static class KarpenterWarnings
{
    /// <summary>Warnings for the platform's Karpenter pools; none when Karpenter is off.</summary>
    public static IReadOnlyList<ArgsProblem> For(GpuSlicingPlatformArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var warnings = new List<ArgsProblem>();
        if (!args.Karpenter.Enabled)
        {
            return warnings;
        }
        if (args.Karpenter.AmiAlias.EndsWith("@latest", StringComparison.Ordinal) && args.Environment == "prod")
        {
            warnings.Add(new($"{nameof(GpuSlicingPlatformArgs.Karpenter)}.{nameof(KarpenterArgs.AmiAlias)}",
                "al2023@latest replaces every Karpenter node when AWS publishes an AMI (drift); pin a version such as al2023@v20260520 in prod."));
        }
        if (!args.GpuPools.Any(p => p.UsesKarpenter))
        {
            warnings.Add(new(nameof(GpuSlicingPlatformArgs.Karpenter), "Karpenter is enabled but no pool uses it (provisioner: karpenter or both)."));
        }
        var profiles = args.DevicePlugin.Profiles.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var pool in args.GpuPools.Where(p => p.UsesKarpenter))
        {
            if (profiles.GetValueOrDefault(pool.Profile) is not { } profile)
            {
                continue;
            }
            var field = $"{nameof(GpuSlicingPlatformArgs.GpuPools)}[{pool.Name}].{nameof(GpuNodePoolArgs.KarpenterMode)}";
            if (pool.KarpenterMode == KarpenterMode.Plain && profile.SlicesPerGpu > 1)
            {
                warnings.Add(new(field,
                    $"plain: Karpenter counts physical GPUs, so N pending pods buy N GPUs although each GPU serves {profile.SlicesPerGpu}; " +
                    "the extra nodes join empty and are consolidated away (cost, churn). Use overlay-override or overlay-shared."));
            }
            if (pool.KarpenterMode == KarpenterMode.OverlayOverride && profile.SlicesPerGpu == 1)
            {
                warnings.Add(new(field, $"overlay-override changes nothing for profile '{profile.Name}', which does not share GPUs; plain is enough."));
            }
            if (pool.KarpenterMode != KarpenterMode.Plain)
            {
                warnings.Add(new(field, "NodeOverlay is alpha (karpenter.sh/v1alpha1, feature gate nodeOverlay): review it on every Karpenter upgrade."));
            }
        }
        return warnings;
    }
}

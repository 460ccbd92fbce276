using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Platform;

namespace GpuSlicingInfra.Components.Autoscaling;

/// <summary>
/// Advice about a valid Karpenter setup that still behaves badly with time-slicing (the platform's
/// <see cref="GpuSlicingPlatform.Warnings"/>, the plan and validate commands). Each warning names the options field, like <see cref="ArgsProblem"/>.
/// </summary>
public static class KarpenterWarnings
{
    /// <summary>Warnings for the platform's Karpenter pools; none when Karpenter is off.</summary>
    public static IReadOnlyList<ArgsProblem> For(GpuSlicingPlatformOptions args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var warnings = new List<ArgsProblem>();
        if (!args.Karpenter.Enabled)
        {
            return warnings;
        }
        if (args.Karpenter.AmiAlias.EndsWith("@latest", StringComparison.Ordinal) && args.Environment == "prod")
        {
            warnings.Add(new($"{nameof(GpuSlicingPlatformOptions.Karpenter)}.{nameof(KarpenterOptions.AmiAlias)}",
                "al2023@latest replaces every Karpenter node when AWS publishes an AMI (drift); pin a version such as al2023@v20260520 in prod."));
        }
        if (!args.GpuPools.Any(p => p.UsesKarpenter))
        {
            warnings.Add(new(nameof(GpuSlicingPlatformOptions.Karpenter), "Karpenter is enabled but no pool uses it (provisioner: karpenter or both)."));
        }
        var profiles = args.DevicePlugin.Profiles.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var pool in args.GpuPools)
        {
            if (pool.Karpenter is not { Mode: var mode } || profiles.GetValueOrDefault(pool.Profile) is not { } profile)
            {
                continue;
            }
            var field = $"{nameof(GpuSlicingPlatformOptions.GpuPools)}[{pool.Name}].{nameof(GpuPoolOptions.Karpenter)}.{nameof(KarpenterPoolOptions.Mode)}";
            var slicesPerGpu = PoolGpus.SlicesPerGpu(pool, profile);
            if (mode == KarpenterMode.Plain && slicesPerGpu > 1)
            {
                // Karpenter's simulation sees the instance's physical GPUs (aws/karpenter-provider-aws#9070).
                var largest = KarpenterPoolDesign.GpuCounts(pool).DefaultIfEmpty(0).Max();
                warnings.Add(new(field,
                    $"plain: Karpenter counts physical GPUs, so N pending pods buy N GPUs although each GPU serves {slicesPerGpu}; " +
                    "the extra nodes join empty and are consolidated away (cost, churn). " +
                    $"A pod asking for more than {largest} {WellKnownKeys.GpuResource} (the most physical GPUs of the pool's instance types), " +
                    "whether in one container or as one slice in each of several containers, stays Pending: no instance type fits it in Karpenter's simulation. " +
                    "Use overlay-override or overlay-shared."));
            }
            if (mode == KarpenterMode.OverlayOverride && slicesPerGpu == 1)
            {
                warnings.Add(new(field, $"overlay-override changes nothing for profile '{profile.Name}', which does not share GPUs; plain is enough."));
            }
            if (mode != KarpenterMode.Plain)
            {
                warnings.Add(new(field, "NodeOverlay is alpha (karpenter.sh/v1alpha1, feature gate nodeOverlay): review it on every Karpenter upgrade."));
            }
        }
        return warnings;
    }
}

using GpuSlicingInfra.Review;
using GpuSlicingInfra.Stacks.Settings;

namespace GpuSlicingInfra.Stacks.StackReview;

/// <summary>
/// The review context of a stack file: what its program cannot say (stack name, environment, region, price
/// overrides), config key paths for findings, and the warnings that read the settings themselves.
/// </summary>
public static class StackReviewContext
{
    /// <summary>The context for <paramref name="settings"/>.</summary>
    public static ReviewContext For(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ReviewContext
        {
            StackName = settings.StackName,
            Environment = settings.Platform.Environment,
            Region = settings.Region,
            ConfigKeyOf = SettingsBinder.ToKeyPath,
            PriceOverrides = settings.HourlyPriceOverrides,
            InstanceCatalog = settings.InstanceCatalog,
            DeclaredPrivateSubnetIds = settings.Platform.ExistingCluster?.NodeSubnetIds ?? [],
            ExtraWarningRules =
            [
                new KarpenterPlanWarnings(settings),
                new SpotRolePlanWarnings(settings),
                new DeployAccessPlanWarnings(settings),
            ],
        };
    }
}

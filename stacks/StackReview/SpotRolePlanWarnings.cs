using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Review.Plan;
using GpuSlicingInfra.Stacks.Settings;

namespace GpuSlicingInfra.Stacks.StackReview;

/// <summary>
/// Spot needs the account's <c>AWSServiceRoleForEC2Spot</c> (<see cref="SpotServiceLinkedRole"/>): pools that let
/// Karpenter buy spot are named with the fix, and the switch that creates the role is flagged where no pool needs it.
/// </summary>
/// <param name="settings">The stack's validated settings, which this warning reads.</param>
public sealed class SpotRolePlanWarnings(StackSettings settings) : IPlanWarningRule
{
    /// <summary>The code of every warning of this rule.</summary>
    public const string Code = "spot-service-linked-role";

    private static readonly string KeyPath = SettingsBinder.ToKeyPath($"Cluster.{nameof(ClusterOptions.CreateSpotServiceLinkedRole)}");

    /// <inheritdoc />
    public IEnumerable<PlanWarning> Check(PlanContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var platform = settings.Platform;
        var pools = SpotServiceLinkedRole.KarpenterSpotPools(platform);
        if (pools.Count > 0 && !platform.Cluster.CreateSpotServiceLinkedRole)
        {
            yield return new PlanWarning(Code,
                $"{(pools.Count == 1 ? "pool" : "pools")} {string.Join(", ", pools)} {(pools.Count == 1 ? "lets" : "let")} Karpenter buy spot, which needs the account's {SpotServiceLinkedRole.RoleName} service-linked role. " +
                "Karpenter cannot create it; while it is missing, Karpenter launches on-demand instead (NodeClaim event AuthFailure.ServiceLinkedRoleCreationNotPermitted). " +
                $"Create it once per account: `aws iam create-service-linked-role --aws-service-name {SpotServiceLinkedRole.ServiceName}` (\"has been taken\" means it exists), " +
                "or set cluster.createSpotServiceLinkedRole: true in one stack of the account.",
                KeyPath);
        }
        else if (pools.Count == 0 && platform.Cluster.CreateSpotServiceLinkedRole)
        {
            // A warning, not an error: the role is account-wide and grants nothing to this stack, so owning it
            // here for other stacks of the account is legitimate.
            yield return new PlanWarning(Code,
                $"cluster.createSpotServiceLinkedRole creates the account-wide {SpotServiceLinkedRole.RoleName}, but no pool of this stack lets Karpenter buy spot " +
                "(managed node groups need no help: Auto Scaling creates the role itself). Keep it only if this stack owns the role for the account.",
                KeyPath);
        }
    }
}

using GpuSlicingInfra.Components.Platform;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Aws;

namespace GpuSlicingInfra.Components.Aws;

/// <summary>
/// The account's EC2 Spot service-linked role (<c>AWSServiceRoleForEC2Spot</c>). EC2 launches spot
/// instances only when it exists. Auto Scaling creates it on its own (its service-linked role may:
/// AutoScalingServiceRolePolicy, statement EC2SpotManagement), so managed node groups need nothing;
/// Karpenter's controller may not (upstream's controller policy grants no iam:CreateServiceLinkedRole), and
/// CreateFleet then fails with AuthFailure.ServiceLinkedRoleCreationNotPermitted: Karpenter marks spot
/// unavailable and launches on-demand where the NodePool allows it (karpenter-provider-aws v1.14.1,
/// pkg/providers/instance/instance.go; docs/troubleshooting.md "Missing Service Linked Role").
/// </summary>
public static class SpotServiceLinkedRole
{
    /// <summary>The root platform's logical name: stable, because the role is account-wide and creating it twice fails.</summary>
    public const string LogicalName = "spot-service-linked-role";

    /// <summary>The service that assumes the role.</summary>
    public const string ServiceName = "spot.amazonaws.com";

    /// <summary>The role's name in IAM.</summary>
    public const string RoleName = "AWSServiceRoleForEC2Spot";

    /// <summary>The pools whose Karpenter NodePool may buy spot: they launch on-demand while the role is missing.</summary>
    public static IReadOnlyList<string> KarpenterSpotPools(GpuSlicingPlatformOptions args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Karpenter.Enabled
            ? [.. args.GpuPools.Where(p => p.UsesKarpenter && p.CapacityType == CapacityType.Spot).Select(p => p.Name)]
            : [];
    }

    /// <summary>Adds the role. It is retained on delete: once it exists, other stacks and workloads of the account rely on it.</summary>
    internal static IamServiceLinkedRole Create(PulumiProgram program, string name, IReadOnlyDictionary<string, string> tags) =>
        new(program, name, new IamServiceLinkedRoleArgs
        {
            AwsServiceName = ServiceName,
            Description = "Lets EC2 launch spot instances for this account (Karpenter cannot create this role itself)",
            Tags = ResourceTags.Merge(tags),
        }, new ResourceOptions { RetainOnDelete = true });
}

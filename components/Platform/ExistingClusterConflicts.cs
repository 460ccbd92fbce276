using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Aws;

namespace GpuSlicingInfra.Components.Platform;

/// <summary>
/// What cannot go with <see cref="GpuSlicingPlatformOptions.ExistingCluster"/>: members that create a network or a
/// cluster (left at their defaults there), and the Karpenter settings an existing cluster cannot serve.
/// </summary>
internal static class ExistingClusterConflicts
{
    public static IEnumerable<ArgsProblem> Of(GpuSlicingPlatformOptions options)
    {
        var karpenter = options.Karpenter;
        if (options.ExistingCluster is not { } existing)
        {
            if (karpenter.Enabled && karpenter.Existing)
            {
                yield return new($"{nameof(options.Karpenter)}.{nameof(KarpenterOptions.Existing)}",
                    "an existing Karpenter runs in an existing cluster: a cluster this program creates has none (set ExistingCluster).");
            }
            yield break;
        }
        const string Why = "cannot be combined with ExistingCluster, whose network and control plane are used as they are.";
        var cluster = options.Cluster;
        var defaults = new ClusterOptions { Name = existing.Name };
        if (cluster.Name != existing.Name)
        {
            yield return new($"{nameof(options.Cluster)}.{nameof(ClusterOptions.Name)}", $"'{cluster.Name}' must be the existing cluster's name '{existing.Name}'.");
        }
        var clusterConflicts = new (string Field, bool Set)[]
        {
            (nameof(ClusterOptions.KubernetesVersion), cluster.KubernetesVersion != defaults.KubernetesVersion),
            (nameof(ClusterOptions.EndpointPrivateAccess), cluster.EndpointPrivateAccess != defaults.EndpointPrivateAccess),
            (nameof(ClusterOptions.EndpointPublicAccess), cluster.EndpointPublicAccess != defaults.EndpointPublicAccess),
            (nameof(ClusterOptions.PublicAccessCidrs), cluster.PublicAccessCidrs.Count > 0),
            (nameof(ClusterOptions.LogTypes), !cluster.LogTypes.SequenceEqual(defaults.LogTypes)),
            (nameof(ClusterOptions.AdminPrincipalArns), cluster.AdminPrincipalArns.Count > 0),
            (nameof(ClusterOptions.CreateOidcProvider), cluster.CreateOidcProvider),
            (nameof(ClusterOptions.SystemInstanceType), cluster.SystemInstanceType != defaults.SystemInstanceType),
            (nameof(ClusterOptions.SystemMinSize), cluster.SystemMinSize != defaults.SystemMinSize),
            (nameof(ClusterOptions.SystemDesiredSize), cluster.SystemDesiredSize != defaults.SystemDesiredSize),
            (nameof(ClusterOptions.SystemMaxSize), cluster.SystemMaxSize != defaults.SystemMaxSize),
            (nameof(ClusterOptions.SystemDiskSizeGiB), cluster.SystemDiskSizeGiB != defaults.SystemDiskSizeGiB),
        };
        foreach (var (field, _) in clusterConflicts.Where(c => c.Set))
        {
            yield return new($"{nameof(options.Cluster)}.{field}", Why);
        }
        var network = options.Network;
        var networkDefaults = new NetworkOptions();
        var networkConflicts = new (string Field, bool Set)[]
        {
            (nameof(NetworkOptions.CidrBlock), network.CidrBlock != networkDefaults.CidrBlock),
            (nameof(NetworkOptions.AvailabilityZoneCount), network.AvailabilityZoneCount != networkDefaults.AvailabilityZoneCount),
            (nameof(NetworkOptions.NatGateways), network.NatGateways != networkDefaults.NatGateways),
            (nameof(NetworkOptions.ExistingVpcId), network.UsesExistingVpc),
            (nameof(NetworkOptions.ExistingPrivateSubnetIds), network.ExistingPrivateSubnetIds.Count > 0),
            (nameof(NetworkOptions.ExistingPublicSubnetIds), network.ExistingPublicSubnetIds.Count > 0),
        };
        foreach (var (field, _) in networkConflicts.Where(c => c.Set))
        {
            yield return new($"{nameof(options.Network)}.{field}", Why);
        }
        // IRSA needs the cluster's IAM OIDC provider, which would have to be created on a cluster that is not ours.
        if (karpenter.Enabled && !karpenter.Existing && karpenter.Identity == KarpenterIdentity.Irsa)
        {
            yield return new($"{nameof(options.Karpenter)}.{nameof(KarpenterOptions.Identity)}",
                "an existing cluster's Karpenter gets its credentials from EKS Pod Identity (the cluster's eks-pod-identity-agent add-on); IRSA would need an OIDC provider for a cluster this program does not own.");
        }
    }
}

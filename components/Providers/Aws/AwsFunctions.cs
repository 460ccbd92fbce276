using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Aws;

/// <summary>Provider functions of the <c>aws</c> package used by the components.</summary>
internal static class AwsFunctions
{
    /// <summary>The account id of the deploying credentials.</summary>
    public static Expr AccountId() => Invoke.Call("aws:getCallerIdentity", null, "accountId", ProviderVersions.Aws);

    /// <summary>The partition (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>).</summary>
    public static Expr Partition() => Invoke.Call("aws:getPartition", null, "partition", ProviderVersions.Aws);

    /// <summary>The region the provider deploys to.</summary>
    public static Expr Region() => Invoke.Call("aws:getRegion", null, "region", ProviderVersions.Aws);

    /// <summary>
    /// The newest version of EKS add-on <paramref name="addonName"/> for <paramref name="kubernetesVersion"/>:
    /// fed the cluster's version output, the add-on follows each control-plane upgrade (pulumi-eks 4.3 resolves
    /// kube-proxy and vpc-cni the same way, <c>mostRecent: true</c>).
    /// </summary>
    public static Expr EksAddonVersion(string addonName, Expr kubernetesVersion) =>
        Invoke.Call("aws:eks:getAddonVersion", new EksAddonVersionArgs(addonName, kubernetesVersion, MostRecent: true), "version", ProviderVersions.Aws);

    /// <summary>
    /// The whole description of EKS cluster <paramref name="clusterName"/> (<c>aws:eks:getCluster</c>: endpoint,
    /// certificateAuthorities, arn, version, vpcConfig, accessConfigs…, as the @pulumi/aws typings name them).
    /// </summary>
    public static Expr EksCluster(string clusterName) =>
        Invoke.Call("aws:eks:getCluster", new EksClusterArgs(clusterName), null, ProviderVersions.Aws);

    // Internal, not private: the generated converter (generators/ArgsMapGenerator) must be able to name it.
    internal sealed record EksAddonVersionArgs(string AddonName, Expr KubernetesVersion, bool MostRecent);

    internal sealed record EksClusterArgs(string Name);
}

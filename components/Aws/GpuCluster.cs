using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Aws;
using GpuSlicingInfra.Components.Providers.Karpenter;

namespace GpuSlicingInfra.Components.Aws;

/// <summary>
/// The EKS cluster GPU pools, the device plugin and Karpenter attach to: one this program creates
/// (<see cref="Cluster"/>) or one it only reads (<see cref="ExistingCluster"/>). Each kind decides how a GPU node group
/// joins it and where in-cluster components wait, so a component given either one cannot build a wrong program
/// (a managed node group component on a cluster it does not own, a discovery tag on someone else's security group).
/// </summary>
public abstract class GpuCluster
{
    private protected GpuCluster(string name, Output<string> roleNameSuffix)
    {
        Name = name;
        RoleNameSuffix = roleNameSuffix;
    }

    /// <summary>The EKS cluster name (known at compile time).</summary>
    public string Name { get; }

    /// <summary>The EKS cluster's name, as the deployed cluster reports it.</summary>
    public abstract Output<string> ClusterName { get; }

    /// <summary>A kubeconfig (JSON) for the cluster; a secret, as it grants access.</summary>
    public abstract Output<string> Kubeconfig { get; }

    /// <summary>The cluster's ARN.</summary>
    internal abstract Output<string> ClusterArn { get; }

    /// <summary>The Kubernetes provider the in-cluster components deploy through.</summary>
    internal abstract Resource KubernetesProvider { get; }

    /// <summary>What must exist before in-cluster controllers can run (the created cluster's system nodes); empty when the cluster already runs.</summary>
    internal abstract IReadOnlyList<Resource> ControllerPrerequisites { get; }

    /// <summary>Node labels the controllers are pinned to (the created cluster's system nodes); null to leave them where the chart puts them.</summary>
    internal abstract IReadOnlyDictionary<string, string>? ControllerNodeSelector { get; }

    /// <summary>The role of the GPU managed node groups.</summary>
    internal abstract IamRole NodeRole { get; }

    /// <summary>The random suffix of account-unique IAM role names.</summary>
    internal Output<string> RoleNameSuffix { get; }

    /// <summary>Whether this program installs the cluster's EKS add-ons (e.g. the Pod Identity Agent); false when it must not touch them.</summary>
    internal abstract bool OwnsAddons { get; }

    /// <summary>The subnets and security groups an EC2NodeClass selects.</summary>
    internal abstract (IReadOnlyList<SelectorTerm> Subnets, IReadOnlyList<SelectorTerm> SecurityGroups) KarpenterNodeNetwork { get; }

    /// <summary>Adds a GPU node group <paramref name="name"/> in the cluster's node subnets with the cluster's node role.</summary>
    internal abstract Resource AddGpuNodeGroup(PulumiProgram program, string name, GpuNodeGroupSpec spec);
}

using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Eks;

/// <summary><c>eks:Cluster</c>: the EKS control plane and its wiring (pulumi-eks component).</summary>
internal sealed class EksCluster(PulumiProgram program, string name, EksClusterArgs args, ResourceOptions? options = null)
    : Resource(program, name, "eks:Cluster", args, options)
{
    /// <inheritdoc />
    public override string? PluginVersion => ProviderVersions.Eks;

    /// <summary>The kubeconfig as a JSON string (for a Kubernetes provider).</summary>
    public Output<string> KubeconfigJson => Output<string>("kubeconfigJson");

    /// <summary>The EKS cluster name.</summary>
    public Output<string> ClusterName => Output<string>("eksCluster").Property<string>("name");

    /// <summary>The EKS cluster ARN.</summary>
    public Output<string> ClusterArn => Output<string>("eksCluster").Property<string>("arn");

    /// <summary>The control plane's Kubernetes version, as EKS reports it.</summary>
    public Output<string> KubernetesVersion => Output<string>("eksCluster").Property<string>("version");

    /// <summary>The security group the component created for nodes.</summary>
    public Output<string> NodeSecurityGroupId => Output<string>("nodeSecurityGroupId");

    /// <summary>The security group EKS itself created and attaches to managed node group nodes.</summary>
    public Output<string> EksClusterSecurityGroupId => Output<object>("eksCluster").Property<object>("vpcConfig").Property<string>("clusterSecurityGroupId");

    /// <summary>The cluster security group (pulumi-eks's own unless default security groups are skipped).</summary>
    public Output<string> ClusterSecurityGroupId => Output<string>("clusterSecurityGroupId");

    /// <summary>The IAM OIDC provider ARN (when <see cref="EksClusterArgs.CreateOidcProvider"/> is set).</summary>
    public Output<string> OidcProviderArn => Output<string>("oidcProviderArn");

    /// <summary>The OIDC issuer host and path, without scheme.</summary>
    public Output<string> OidcIssuer => Output<string>("oidcIssuer");
}

/// <summary>Inputs of <see cref="EksCluster"/>.</summary>
internal sealed record EksClusterArgs
{
    /// <summary>The cluster name.</summary>
    public Input<string>? Name { get; init; }

    /// <summary>Kubernetes version, e.g. <c>1.33</c>.</summary>
    public Input<string>? Version { get; init; }

    /// <summary>VPC id.</summary>
    public Input<string>? VpcId { get; init; }

    /// <summary>Private subnets (nodes).</summary>
    public InputList<string>? PrivateSubnetIds { get; init; }

    /// <summary>Public subnets (load balancers).</summary>
    public InputList<string>? PublicSubnetIds { get; init; }

    /// <summary>Subnets for nodes the component creates; set to the private subnets.</summary>
    public InputList<string>? NodeSubnetIds { get; init; }

    /// <summary>No default self-managed node group.</summary>
    public bool? SkipDefaultNodeGroup { get; init; }

    /// <summary><c>API</c> (access entries only) or <c>API_AND_CONFIG_MAP</c>.</summary>
    public string? AuthenticationMode { get; init; }

    /// <summary>Access entries by name.</summary>
    public IReadOnlyDictionary<string, EksClusterAccessEntryArgs>? AccessEntries { get; init; }

    /// <summary>Private API endpoint.</summary>
    public Input<bool>? EndpointPrivateAccess { get; init; }

    /// <summary>Public API endpoint.</summary>
    public Input<bool>? EndpointPublicAccess { get; init; }

    /// <summary>CIDRs allowed to reach the public endpoint.</summary>
    public InputList<string>? PublicAccessCidrs { get; init; }

    /// <summary>Control-plane log types.</summary>
    public InputList<string>? EnabledClusterLogTypes { get; init; }

    /// <summary>KMS key for envelope encryption of secrets.</summary>
    public Input<string>? EncryptionConfigKeyArn { get; init; }

    /// <summary>An IAM OIDC provider for IRSA.</summary>
    public Input<bool>? CreateOidcProvider { get; init; }

    /// <summary>EKS refuses to delete the cluster while set.</summary>
    public Input<bool>? DeletionProtection { get; init; }

    /// <summary>Tags on the cluster security group.</summary>
    public InputMap<string>? ClusterSecurityGroupTags { get; init; }

    /// <summary>Tags on the EKS cluster.</summary>
    public InputMap<string>? ClusterTags { get; init; }

    /// <summary>Tags on every resource the component creates.</summary>
    public InputMap<string>? Tags { get; init; }

    /// <summary>The kube-proxy managed add-on; pulumi-eks creates it unless disabled.</summary>
    public EksAddonOptionsArgs? KubeProxyAddonOptions { get; init; }
}

/// <summary>Options of an add-on that pulumi-eks manages (kube-proxy, CoreDNS).</summary>
internal sealed record EksAddonOptionsArgs
{
    /// <summary>Whether the add-on is created. Default: pulumi-eks's per add-on default.</summary>
    public bool? Enabled { get; init; }
}

/// <summary>One access entry of the cluster.</summary>
internal sealed record EksClusterAccessEntryArgs
{
    /// <summary>The IAM principal.</summary>
    public required Input<string> PrincipalArn { get; init; }

    /// <summary>Access policies by name.</summary>
    public IReadOnlyDictionary<string, EksAccessPolicyArgs>? AccessPolicies { get; init; }
}

/// <summary>An EKS access policy association.</summary>
internal sealed record EksAccessPolicyArgs
{
    /// <summary>The access policy ARN, e.g. AmazonEKSClusterAdminPolicy.</summary>
    public required Input<string> PolicyArn { get; init; }

    /// <summary>The scope.</summary>
    public required EksAccessScopeArgs AccessScope { get; init; }
}

/// <summary>Access scope of an access policy.</summary>
/// <param name="Type"><c>cluster</c> or <c>namespace</c>.</param>
internal sealed record EksAccessScopeArgs(string Type);

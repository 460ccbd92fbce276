using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Aws;
using GpuSlicingInfra.Components.Providers.Eks;
using GpuSlicingInfra.Components.Providers.Karpenter;
using GpuSlicingInfra.Components.Providers.Kubernetes;

namespace GpuSlicingInfra.Components.Aws;

/// <summary>
/// The EKS control plane (secrets encrypted with a rotating KMS key, all control-plane logs,
/// access entries only). Its owner adds the small untainted system node group for CoreDNS and controllers
/// (<see cref="AddSystemNodeGroup"/>) and the Kubernetes provider (<see cref="AddKubernetesProvider"/>),
/// naming them, and passes the cluster to the GPU pools and Karpenter it serves.
/// </summary>
public sealed class Cluster : GpuCluster
{
    /// <summary>Managed policy that grants cluster admin through an access entry.</summary>
    public const string AdminAccessPolicy = "AmazonEKSClusterAdminPolicy";

    /// <summary>
    /// Adds the cluster under the logical name prefix <paramref name="name"/>: <c>{name}-eks</c> (the
    /// <c>eks:Cluster</c>), <c>{name}-secrets-key</c>, <c>{name}-node-role</c> and its attachments, in
    /// <paramref name="network"/>'s private subnets (its public ones, if any, for load balancers).
    /// </summary>
    /// <param name="program">The program to add to.</param>
    /// <param name="name">The logical name prefix.</param>
    /// <param name="network">The network the cluster and its node groups run in.</param>
    /// <param name="options">What the user chose.</param>
    /// <param name="roleNameSuffix">A random suffix that makes IAM role names unique in the account (IAM is global).</param>
    public Cluster(PulumiProgram program, string name, Network network, ClusterOptions options, Output<string> roleNameSuffix)
        : base(Checked(options).Name, roleNameSuffix ?? throw new ArgumentNullException(nameof(roleNameSuffix)))
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(network);
        using var component = program.BeginComponent(nameof(Cluster), name);
        var privateSubnets = network.PrivateSubnetIds;
        var aws = AwsContext.For(program);
        var protect = new ResourceOptions { Protect = options.Protect };
        _program = program;
        _componentName = name;
        _options = options;
        NodeSubnetIds = privateSubnets;

        var secretsKey = new KmsKey(program, $"{name}-secrets-key", new KmsKeyArgs
        {
            Description = $"Envelope encryption of Kubernetes secrets in EKS cluster {options.Name}",
            EnableKeyRotation = true,
            DeletionWindowInDays = 30,
            Tags = ResourceTags.Merge(options.Tags),
        }, protect with
        {
            // Secrets encrypted with this key are unreadable without it: keep it when the stack is torn down.
            RetainOnDelete = options.Protect,
        });

        // No deleteBeforeReplace here: eks:Cluster is a component, so the option would not reach the control plane;
        // protect guards prod, and replacing a named cluster elsewhere must be a deliberate `pulumi up --replace`.
        // Suffixed rather than the bare prefix: a stack config key can take a bare component name (see StackConfigNames).
        Resource = new EksCluster(program, $"{name}-eks", new EksClusterArgs
        {
            Name = options.Name,
            Version = options.KubernetesVersion,
            VpcId = network.VpcId,
            PrivateSubnetIds = privateSubnets,
            PublicSubnetIds = network.PublicSubnetIds,
            NodeSubnetIds = privateSubnets,
            SkipDefaultNodeGroup = true,
            AuthenticationMode = "API",
            AccessEntries = options.AdminPrincipalArns.Count == 0 ? null : options.AdminPrincipalArns
                .Select((arn, i) => (Key: $"admin-{i}", Entry: new EksClusterAccessEntryArgs
                {
                    PrincipalArn = arn,
                    AccessPolicies = new Dictionary<string, EksAccessPolicyArgs>
                    {
                        ["cluster-admin"] = new()
                        {
                            PolicyArn = Input<string>.FromExpr(InterpolationExpr.Of("arn:", aws.Partition.Reference, ":eks::aws:cluster-access-policy/" + AdminAccessPolicy)),
                            AccessScope = new EksAccessScopeArgs("cluster"),
                        },
                    },
                }))
                .ToDictionary(e => e.Key, e => e.Entry),
            EndpointPrivateAccess = options.EndpointPrivateAccess,
            EndpointPublicAccess = options.EndpointPublicAccess,
            PublicAccessCidrs = options.EndpointPublicAccess ? (InputList<string>)options.PublicAccessCidrs.ToArray() : null,
            EnabledClusterLogTypes = options.LogTypes.ToArray(),
            EncryptionConfigKeyArn = secretsKey.Arn,
            CreateOidcProvider = options.CreateOidcProvider,
            DeletionProtection = options.Protect,
            // Managed kube-proxy (and vpc-cni, pulumi-eks's default) whose versions follow the control plane.
            KubeProxyAddonOptions = new EksAddonOptionsArgs { Enabled = true },
            ClusterTags = ResourceTags.Merge(options.Tags),
            Tags = ResourceTags.Merge(options.Tags),
        }, protect);

        NodeRole = IamRoleWithPolicies.Create(program, $"{name}-node-role", aws,
            $"Managed node groups of EKS cluster {options.Name}",
            IamPolicyDocuments.ServiceTrust("ec2.amazonaws.com"), IamRoleWithPolicies.NodePolicies, options.Tags,
            UniqueRoleName(options.Name, "node", roleNameSuffix));
    }

    /// <summary>
    /// Adds the small untainted node group for CoreDNS and controllers, sized by the cluster's
    /// <c>System*</c> options: <c>{name}</c> with its <c>{name}-launch-template</c>, then the CoreDNS
    /// add-on (<c>{cluster name prefix}-coredns</c>), which can only become active once nodes exist.
    /// </summary>
    /// <returns>The node group, for components that must start after it (controllers scheduled there).</returns>
    public Resource AddSystemNodeGroup(string name)
    {
        if (_systemNodeGroup is not null)
        {
            throw new InvalidOperationException($"Cluster '{_componentName}' already has its system node group '{_systemNodeGroup.Name}'.");
        }
        using var component = _program.BeginComponent(nameof(Cluster), _componentName);
        var systemTemplate = NodeLaunchTemplate.Create(_program, $"{name}-launch-template",
            $"System nodes of EKS cluster {_options.Name}", _options.SystemDiskSizeGiB,
            // Controllers on system nodes (e.g. Karpenter) read the region from IMDS from inside pods.
            hopLimit: 2, ResourceTags.Merge(_options.Tags), _options.Protect);
        var systemNodes = new ManagedNodeGroup(_program, name, new ManagedNodeGroupArgs
        {
            Cluster = Resource.Reference,
            NodeRoleArn = NodeRole.Arn,
            NodeGroupNamePrefix = "system-",
            AmiType = "AL2023_x86_64_STANDARD",
            InstanceTypes = new[] { _options.SystemInstanceType },
            CapacityType = "ON_DEMAND",
            ScalingConfig = new NodeGroupScalingConfigArgs
            {
                MinSize = _options.SystemMinSize,
                DesiredSize = _options.SystemDesiredSize,
                MaxSize = _options.SystemMaxSize,
            },
            SubnetIds = NodeSubnetIds,
            Labels = new Dictionary<string, string> { [WellKnownKeys.NodeRoleLabel] = "system" },
            LaunchTemplate = systemTemplate,
            Version = Resource.KubernetesVersion,
            Tags = ResourceTags.Merge(_options.Tags),
        }, new ResourceOptions { Protect = _options.Protect });

        // pulumi-eks creates CoreDNS only with its default node group or when asked, and then inside the
        // cluster component, before any node exists: the add-on cannot become ACTIVE there. Added here after
        // the system nodes instead, its version resolved from the cluster's like kube-proxy's and vpc-cni's.
        _ = new EksAddon(_program, $"{_componentName}-coredns", new EksAddonArgs
        {
            ClusterName = Resource.ClusterName,
            AddonName = CoreDnsAddon,
            AddonVersion = Input<string>.FromExpr(AwsFunctions.EksAddonVersion(CoreDnsAddon, Resource.KubernetesVersion.Reference)),
            // Take over the CoreDNS that EKS bootstraps; keep an operator's later edits on upgrade.
            ResolveConflictsOnCreate = "OVERWRITE",
            ResolveConflictsOnUpdate = "PRESERVE",
            Tags = ResourceTags.Merge(_options.Tags),
        }, new ResourceOptions { DependsOn = [systemNodes] });
        _systemNodeGroup = systemNodes;
        return systemNodes;
    }

    /// <summary>
    /// Adds an explicit Kubernetes provider <paramref name="name"/> bound to the cluster's kubeconfig, with
    /// server-side apply: the Kubernetes components (device plugin, Karpenter) deploy through it.
    /// </summary>
    public Resource AddKubernetesProvider(string name)
    {
        if (_kubernetesProvider is not null)
        {
            throw new InvalidOperationException($"Cluster '{_componentName}' already has its Kubernetes provider '{_kubernetesProvider.Name}'.");
        }
        using var component = _program.BeginComponent(nameof(Cluster), _componentName);
        _kubernetesProvider = new KubernetesProvider(_program, name, new KubernetesProviderArgs
        {
            Kubeconfig = Resource.KubeconfigJson,
            EnableServerSideApply = true,
        });
        return _kubernetesProvider;
    }

    /// <inheritdoc />
    internal override Resource AddGpuNodeGroup(PulumiProgram program, string name, GpuNodeGroupSpec spec) =>
        new ManagedNodeGroup(program, name, new ManagedNodeGroupArgs
        {
            Cluster = Resource.Reference,
            NodeRoleArn = NodeRole.Arn,
            NodeGroupNamePrefix = spec.NodeGroupNamePrefix,
            AmiType = spec.AmiType,
            InstanceTypes = spec.InstanceTypes.ToArray(),
            CapacityType = spec.CapacityType,
            ScalingConfig = spec.ScalingConfig,
            SubnetIds = NodeSubnetIds,
            Labels = spec.Labels,
            Taints = spec.Taints,
            LaunchTemplate = spec.LaunchTemplate,
            Version = Resource.KubernetesVersion,
            Tags = ResourceTags.Merge(spec.Tags),
        }, new ResourceOptions { Protect = spec.Protect });

    private static ClusterOptions Checked(ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgsValidationException.ThrowIfAny(nameof(ClusterOptions), options.Validate());
        return options;
    }

    /// <summary>
    /// A readable IAM role name, unique in the account through the random suffix: IAM is global, so
    /// the same stack in two regions must not collide. Role names are limited to 64 characters.
    /// </summary>
    internal static Input<string> UniqueRoleName(string clusterName, string purpose, Output<string> suffix) =>
        Input<string>.FromExpr(InterpolationExpr.Of($"{clusterName[..Math.Min(clusterName.Length, 40)]}-{purpose}-", suffix.Reference));

    /// <summary>The EKS add-on name of CoreDNS.</summary>
    public const string CoreDnsAddon = "coredns";

    private readonly PulumiProgram _program;
    private readonly string _componentName;
    private readonly ClusterOptions _options;
    private Resource? _systemNodeGroup;
    private Resource? _kubernetesProvider;

    /// <summary>The <c>eks:Cluster</c> resource.</summary>
    internal EksCluster Resource { get; }

    /// <inheritdoc />
    public override Output<string> ClusterName => Resource.ClusterName;

    /// <inheritdoc />
    public override Output<string> Kubeconfig => Resource.KubeconfigJson;

    /// <inheritdoc />
    internal override Output<string> ClusterArn => Resource.ClusterArn;

    /// <inheritdoc />
    internal override IamRole NodeRole { get; }

    /// <inheritdoc />
    internal override Resource KubernetesProvider =>
        _kubernetesProvider ?? throw new InvalidOperationException($"Cluster '{_componentName}' has no Kubernetes provider yet: call {nameof(AddKubernetesProvider)} first.");

    /// <inheritdoc />
    internal override IReadOnlyList<Resource> ControllerPrerequisites =>
        [_systemNodeGroup ?? throw new InvalidOperationException($"Cluster '{_componentName}' has no system node group yet: call {nameof(AddSystemNodeGroup)} first.")];

    /// <inheritdoc />
    internal override IReadOnlyDictionary<string, string>? ControllerNodeSelector { get; } =
        new SortedDictionary<string, string>(StringComparer.Ordinal) { [WellKnownKeys.NodeRoleLabel] = "system" };

    /// <inheritdoc />
    internal override bool OwnsAddons => true;

    /// <inheritdoc />
    // The private subnets and the EKS-created cluster security group carry the discovery tag (GpuSlicingPlatform).
    internal override (IReadOnlyList<SelectorTerm> Subnets, IReadOnlyList<SelectorTerm> SecurityGroups) KarpenterNodeNetwork
    {
        get
        {
            var discovery = new Dictionary<string, string> { [WellKnownKeys.KarpenterDiscoveryTag] = Name };
            return ([SelectorTerm.ByTags(discovery)], [SelectorTerm.ByTags(discovery)]);
        }
    }

    /// <summary>The private subnets node groups run in.</summary>
    internal InputList<string> NodeSubnetIds { get; }
}

using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Aws;
using GpuSlicingInfra.Components.Providers.Karpenter;
using GpuSlicingInfra.Components.Providers.Kubernetes;

namespace GpuSlicingInfra.Components.Aws;

/// <summary>
/// An EKS cluster this program does not own: read at deployment time with <c>aws:eks:getCluster</c>, reached through a
/// Kubernetes provider built from its endpoint and certificate with <c>aws eks get-token</c> authentication, and given
/// a node role of its own for the GPU node groups. Nothing of the cluster is modified, tagged or imported.
/// </summary>
public sealed class ExistingCluster : GpuCluster
{
    /// <summary>
    /// Reads the cluster into variable <c>{name}-lookup</c> and adds the GPU nodes' role <c>{name}-node-role</c> with its
    /// managed policies. No access entry: EKS creates one for a managed node group's role itself where the cluster's
    /// authentication mode allows access entries (EKS API reference, CreateAccessEntry, <c>type</c>: "unnecessary … for
    /// managed Amazon EC2 nodes"), and a second entry for the same principal would fail.
    /// </summary>
    /// <param name="program">The program to add to.</param>
    /// <param name="name">The logical name prefix.</param>
    /// <param name="options">Which cluster, and where its GPU nodes run.</param>
    /// <param name="roleNameSuffix">A random suffix that makes IAM role names unique in the account (IAM is global).</param>
    public ExistingCluster(PulumiProgram program, string name, ExistingClusterOptions options, Output<string> roleNameSuffix)
        : base(Checked(options).Name, roleNameSuffix ?? throw new ArgumentNullException(nameof(roleNameSuffix)))
    {
        ArgumentNullException.ThrowIfNull(program);
        using var component = program.BeginComponent(nameof(ExistingCluster), name);
        _program = program;
        _componentName = name;
        _options = options;
        _aws = AwsContext.For(program);
        _lookup = program.AddVariable<object>($"{name}-lookup", AwsFunctions.EksCluster(options.Name));
        (NodeRole, _nodeRoleGrants) = IamRoleWithPolicies.CreateWithAttachments(program, $"{name}-node-role", _aws,
            $"GPU node groups added to EKS cluster {options.Name}",
            IamPolicyDocuments.ServiceTrust("ec2.amazonaws.com"), IamRoleWithPolicies.NodePolicies, options.Tags,
            Cluster.UniqueRoleName(options.Name, "gpu-node", roleNameSuffix));
    }

    /// <summary>
    /// Adds a Kubernetes provider <paramref name="name"/> with server-side apply, whose kubeconfig names the cluster's
    /// endpoint and certificate and gets a token from <c>aws eks get-token</c> (the AWS CLI where <c>pulumi up</c> runs).
    /// </summary>
    public Resource AddKubernetesProvider(string name)
    {
        if (_kubernetesProvider is not null)
        {
            throw new InvalidOperationException($"Existing cluster '{_componentName}' already has its Kubernetes provider '{_kubernetesProvider.Name}'.");
        }
        using var component = _program.BeginComponent(nameof(ExistingCluster), _componentName);
        _kubeconfig = _program.AddVariable<string>($"{name}-kubeconfig", ExistingClusterKubeconfig.Json(Name,
            _lookup.Property<string>("endpoint"),
            _lookup.Property<object>("certificateAuthorities").Reference.Index(0).Property("data"),
            _aws.Region));
        _kubernetesProvider = new KubernetesProvider(_program, name, new KubernetesProviderArgs
        {
            Kubeconfig = _kubeconfig,
            EnableServerSideApply = true,
        });
        return _kubernetesProvider;
    }

    /// <inheritdoc />
    internal override Resource AddGpuNodeGroup(PulumiProgram program, string name, GpuNodeGroupSpec spec) =>
        new EksNodeGroup(program, name, new EksNodeGroupArgs
        {
            ClusterName = ClusterName,
            Version = _lookup.Property<string>("version"),
            NodeRoleArn = NodeRole.Arn,
            NodeGroupNamePrefix = spec.NodeGroupNamePrefix,
            AmiType = spec.AmiType,
            InstanceTypes = spec.InstanceTypes.ToArray(),
            CapacityType = spec.CapacityType,
            ScalingConfig = spec.ScalingConfig,
            SubnetIds = _options.NodeSubnetIds.ToArray(),
            Labels = spec.Labels,
            Taints = spec.Taints,
            LaunchTemplate = spec.LaunchTemplate,
            Tags = ResourceTags.Merge(spec.Tags),
        // Nodes that boot before their role may call EKS and ECR never join.
        }, new ResourceOptions { Protect = spec.Protect, DependsOn = _nodeRoleGrants });

    private static ExistingClusterOptions Checked(ExistingClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgsValidationException.ThrowIfAny(nameof(ExistingClusterOptions), options.Validate());
        return options;
    }

    private readonly PulumiProgram _program;
    private readonly string _componentName;
    private readonly ExistingClusterOptions _options;
    private readonly AwsContext _aws;
    private readonly Output<object> _lookup;
    private readonly IReadOnlyList<Resource> _nodeRoleGrants;
    private Resource? _kubernetesProvider;
    private Output<string>? _kubeconfig;

    /// <inheritdoc />
    public override Output<string> ClusterName => _lookup.Property<string>("name");

    /// <inheritdoc />
    public override Output<string> Kubeconfig =>
        _kubeconfig ?? throw new InvalidOperationException($"Existing cluster '{_componentName}' has no kubeconfig yet: call {nameof(AddKubernetesProvider)} first.");

    /// <inheritdoc />
    internal override Output<string> ClusterArn => _lookup.Property<string>("arn");

    /// <inheritdoc />
    internal override IamRole NodeRole { get; }

    /// <inheritdoc />
    internal override Resource KubernetesProvider =>
        _kubernetesProvider ?? throw new InvalidOperationException($"Existing cluster '{_componentName}' has no Kubernetes provider yet: call {nameof(AddKubernetesProvider)} first.");

    /// <inheritdoc />
    internal override IReadOnlyList<Resource> ControllerPrerequisites => [];

    /// <inheritdoc />
    internal override IReadOnlyDictionary<string, string>? ControllerNodeSelector => null;

    /// <inheritdoc />
    internal override bool OwnsAddons => false;

    /// <inheritdoc />
    // By id, not by Karpenter's discovery tag: tagging the cluster's security group or subnets would modify what is not ours.
    internal override (IReadOnlyList<SelectorTerm> Subnets, IReadOnlyList<SelectorTerm> SecurityGroups) KarpenterNodeNetwork =>
        ([.. _options.NodeSubnetIds.Select(id => SelectorTerm.ById(id))],
         [SelectorTerm.ById(_lookup.Property<object>("vpcConfig").Property<string>("clusterSecurityGroupId"))]);
}

using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Aws;
using GpuSlicingInfra.Components.Providers.Eks;

namespace GpuSlicingInfra.Components.Aws;

/// <summary>
/// The EKS control plane (secrets encrypted with a rotating KMS key, all control-plane logs,
/// access entries only) and a small untainted system node group for CoreDNS and controllers.
/// </summary>
public sealed class Cluster
{
    /// <summary>Managed policy that grants cluster admin through an access entry.</summary>
    public const string AdminAccessPolicy = "AmazonEKSClusterAdminPolicy";

    /// <summary>
    /// Adds the cluster under the logical name prefix <paramref name="name"/>: <c>{name}-eks</c> (the
    /// <c>eks:Cluster</c>), <c>{name}-secrets-key</c>, <c>{name}-node-role</c> and its attachments.
    /// </summary>
    public Cluster(PulumiProgram program, string name, ClusterArgs args)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(args);
        ArgsValidationException.ThrowIfAny(nameof(ClusterArgs), args.Validate());
        var vpcId = args.VpcId ?? throw new ArgumentException("ClusterArgs.VpcId must be wired.", nameof(args));
        var privateSubnets = args.PrivateSubnetIds ?? throw new ArgumentException("ClusterArgs.PrivateSubnetIds must be wired.", nameof(args));
        var aws = AwsContext.For(program);
        var protect = new ResourceOptions { Protect = args.Protect };
        Name = args.Name;

        var secretsKey = new KmsKey(program, $"{name}-secrets-key", new KmsKeyArgs
        {
            Description = $"Envelope encryption of Kubernetes secrets in EKS cluster {args.Name}",
            EnableKeyRotation = true,
            DeletionWindowInDays = 30,
            Tags = ResourceTags.Merge(args.Tags),
        }, protect with
        {
            // Secrets encrypted with this key are unreadable without it: keep it when the stack is torn down.
            RetainOnDelete = args.Protect,
        });

        // No deleteBeforeReplace here: eks:Cluster is a component, so the option would not reach the control plane;
        // protect guards prod, and replacing a named cluster elsewhere must be a deliberate `pulumi up --replace`.
        // Suffixed rather than the bare prefix: a stack config key can take a bare component name (see StackConfigNames).
        Resource = new EksCluster(program, $"{name}-eks", new EksClusterArgs
        {
            Name = args.Name,
            Version = args.KubernetesVersion,
            VpcId = vpcId,
            PrivateSubnetIds = privateSubnets,
            PublicSubnetIds = args.PublicSubnetIds,
            NodeSubnetIds = privateSubnets,
            SkipDefaultNodeGroup = true,
            AuthenticationMode = "API",
            AccessEntries = args.AdminPrincipalArns.Count == 0 ? null : args.AdminPrincipalArns
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
            EndpointPrivateAccess = args.EndpointPrivateAccess,
            EndpointPublicAccess = args.EndpointPublicAccess,
            PublicAccessCidrs = args.EndpointPublicAccess ? (InputList<string>)args.PublicAccessCidrs.ToArray() : null,
            EnabledClusterLogTypes = args.LogTypes.ToArray(),
            EncryptionConfigKeyArn = secretsKey.Arn,
            CreateOidcProvider = args.CreateOidcProvider,
            DeletionProtection = args.Protect,
            // Managed kube-proxy (and vpc-cni, pulumi-eks's default) whose versions follow the control plane.
            KubeProxyAddonOptions = new EksAddonOptionsArgs { Enabled = true },
            NodeSecurityGroupTags = args.NodeSecurityGroupTags.Count == 0 ? null : (InputMap<string>)ResourceTags.Merge(args.NodeSecurityGroupTags),
            ClusterTags = ResourceTags.Merge(args.Tags),
            Tags = ResourceTags.Merge(args.Tags),
        }, protect);

        NodeRole = IamRoleWithPolicies.Create(program, $"{name}-node-role", aws,
            $"Managed node groups of EKS cluster {args.Name}",
            IamPolicyDocuments.ServiceTrust("ec2.amazonaws.com"), IamRoleWithPolicies.NodePolicies, args.Tags,
            UniqueRoleName(args.Name, "node", args.NameSuffix));

        var systemTemplate = NodeLaunchTemplate.Create(program, "system-nodes-launch-template",
            $"System nodes of EKS cluster {args.Name}", args.SystemDiskSizeGiB,
            // Controllers on system nodes (e.g. Karpenter) read the region from IMDS from inside pods.
            hopLimit: 2, ResourceTags.Merge(args.Tags), args.Protect);
        SystemNodeGroup = new ManagedNodeGroup(program, "system-nodes", new ManagedNodeGroupArgs
        {
            Cluster = Resource.Reference,
            NodeRoleArn = NodeRole.Arn,
            NodeGroupNamePrefix = "system-",
            AmiType = "AL2023_x86_64_STANDARD",
            InstanceTypes = new[] { args.SystemInstanceType },
            CapacityType = "ON_DEMAND",
            ScalingConfig = new NodeGroupScalingConfigArgs
            {
                MinSize = args.SystemMinSize,
                DesiredSize = args.SystemDesiredSize,
                MaxSize = args.SystemMaxSize,
            },
            SubnetIds = privateSubnets,
            Labels = new Dictionary<string, string> { [WellKnownKeys.NodeRoleLabel] = "system" },
            LaunchTemplate = systemTemplate,
            Version = Resource.KubernetesVersion,
            Tags = ResourceTags.Merge(args.Tags),
        }, protect);

        // pulumi-eks creates CoreDNS only with its default node group or when asked, and then inside the
        // cluster component, before any node exists: the add-on cannot become ACTIVE there. Added here after
        // the system nodes instead, its version resolved from the cluster's like kube-proxy's and vpc-cni's.
        CoreDns = new EksAddon(program, $"{name}-coredns", new EksAddonArgs
        {
            ClusterName = Resource.ClusterName,
            AddonName = CoreDnsAddon,
            AddonVersion = Input<string>.FromExpr(AwsFunctions.EksAddonVersion(CoreDnsAddon, Resource.KubernetesVersion.Reference)),
            // Take over the CoreDNS that EKS bootstraps; keep an operator's later edits on upgrade.
            ResolveConflictsOnCreate = "OVERWRITE",
            ResolveConflictsOnUpdate = "PRESERVE",
            Tags = ResourceTags.Merge(args.Tags),
        }, new ResourceOptions { DependsOn = [SystemNodeGroup] });
    }

    /// <summary>
    /// A readable IAM role name, unique in the account through the random suffix: IAM is global, so
    /// the same stack in two regions must not collide. Role names are limited to 64 characters.
    /// </summary>
    public static Input<string>? UniqueRoleName(string clusterName, string purpose, Output<string>? suffix)
    {
        ArgumentNullException.ThrowIfNull(clusterName);
        return suffix is null ? null : Input<string>.FromExpr(InterpolationExpr.Of(
            $"{clusterName[..Math.Min(clusterName.Length, 40)]}-{purpose}-", suffix.Reference));
    }

    /// <summary>The EKS add-on name of CoreDNS.</summary>
    public const string CoreDnsAddon = "coredns";

    /// <summary>The CoreDNS managed add-on.</summary>
    internal EksAddon CoreDns { get; }


    /// <summary>The EKS cluster name (known at compile time).</summary>
    public string Name { get; }

    /// <summary>The <c>eks:Cluster</c> resource.</summary>
    internal EksCluster Resource { get; }

    /// <summary>The node role of managed node groups.</summary>
    internal IamRole NodeRole { get; }

    /// <summary>The system node group.</summary>
    internal ManagedNodeGroup SystemNodeGroup { get; }
}

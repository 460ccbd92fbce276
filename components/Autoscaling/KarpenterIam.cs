using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Aws;
using GpuSlicingInfra.Components.Providers.Eks;

namespace GpuSlicingInfra.Components.Autoscaling;

/// <summary>
/// Karpenter's IAM: the role of the nodes it launches (with its EC2_LINUX access entry) and the
/// controller's role with its scoped policies, bound to the controller's service account.
/// </summary>
internal sealed class KarpenterIam
{
    public const string PodIdentityAgentAddon = "eks-pod-identity-agent";

    public KarpenterIam(PulumiProgram program, string name, KarpenterOptions args, GpuCluster served, Expr queueArn, string podIdentityAgentName)
    {
        var clusterName = served.Name;
        var aws = AwsContext.For(program);
        var tags = args.Tags;

        // A role of its own, not the managed node groups' role: EKS already holds an access entry for
        // that one, and a second entry for the same principal would fail.
        NodeRole = IamRoleWithPolicies.Create(program, $"{name}-node-role", aws,
            $"Nodes Karpenter launches in EKS cluster {clusterName}",
            IamPolicyDocuments.ServiceTrust("ec2.amazonaws.com"), IamRoleWithPolicies.NodePolicies, tags,
            Cluster.UniqueRoleName(clusterName, "karpenter-node", served.RoleNameSuffix));
        NodeAccessEntry = new EksAccessEntry(program, $"{name}-node-access-entry", new EksAccessEntryArgs
        {
            ClusterName = served.ClusterName,
            PrincipalArn = NodeRole.Arn,
            Type = "EC2_LINUX",
            Tags = ResourceTags.Merge(tags),
        });

        var trust = args.Identity == KarpenterIdentity.Irsa
            // IRSA needs the OIDC provider a created cluster makes; an existing cluster's is not read (platform validation).
            ? IrsaTrust((served as Cluster ?? throw new ArgumentException("IRSA needs a cluster this program creates.", nameof(served))).Resource, args.Namespace)
            : IamPolicyDocuments.ServiceTrust("pods.eks.amazonaws.com", "sts:AssumeRole", "sts:TagSession");
        ControllerRole = new IamRole(program, $"{name}-controller-role", new IamRoleArgs
        {
            Name = Cluster.UniqueRoleName(clusterName, "karpenter", served.RoleNameSuffix),
            Description = $"Karpenter controller of EKS cluster {clusterName}",
            AssumeRolePolicy = trust,
            Tags = ResourceTags.Merge(tags),
        }, new ResourceOptions
        {
            // The role has a fixed name: a replacement must free it before taking it.
            DeleteBeforeReplace = true,
        });
        var grants = new List<Resource>();
        foreach (var group in KarpenterControllerPolicy.For(clusterName, aws, served.ClusterArn, NodeRole.Arn, queueArn))
        {
            // Managed policies, as upstream splits them: each stays under IAM's 6,144-character limit.
            var policy = new IamPolicy(program, $"{name}-controller-{group.Suffix}", new IamPolicyArgs
            {
                Description = group.Description,
                Policy = IamPolicyDocuments.Document(group.Statements),
                Tags = ResourceTags.Merge(tags),
            });
            grants.Add(new IamRolePolicyAttachment(program, $"{name}-controller-{group.Suffix}-attachment", new IamRolePolicyAttachmentArgs
            {
                Role = ControllerRole.RoleName,
                PolicyArn = policy.Arn,
            }));
        }

        if (args.Identity == KarpenterIdentity.PodIdentity)
        {
            // An existing cluster's add-ons are not ours to create: the agent is assumed installed there (plan says so).
            IReadOnlyList<Resource> agent = served.OwnsAddons
                ? [new EksAddon(program, podIdentityAgentName, new EksAddonArgs
                {
                    ClusterName = served.ClusterName,
                    AddonName = PodIdentityAgentAddon,
                    ResolveConflictsOnCreate = "OVERWRITE",
                    Tags = ResourceTags.Merge(tags),
                })]
                : [];
            grants.AddRange(agent);
            grants.Add(new EksPodIdentityAssociation(program, $"{name}-pod-identity", new EksPodIdentityAssociationArgs
            {
                ClusterName = served.ClusterName,
                Namespace = args.Namespace,
                ServiceAccount = KarpenterOptions.ServiceAccountName,
                RoleArn = ControllerRole.Arn,
                Tags = ResourceTags.Merge(tags),
            }, new ResourceOptions { DependsOn = agent }));
        }
        Grants = grants;
    }

    public IamRole NodeRole { get; }

    public EksAccessEntry NodeAccessEntry { get; }

    public IamRole ControllerRole { get; }

    /// <summary>Policy attachments and the identity binding: the controller works only once they exist.</summary>
    public IReadOnlyList<Resource> Grants { get; }

    // The OIDC issuer is known only after deployment and is part of the condition keys, which
    // fn::toJSON cannot compute: the document is an interpolated JSON string instead.
    private static Input<string> IrsaTrust(EksCluster cluster, string ns) => Input<string>.FromExpr(InterpolationExpr.Of(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowServiceAccountToAssume\",\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"",
        cluster.OidcProviderArn.Reference,
        "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\"",
        cluster.OidcIssuer.Reference,
        $":sub\":\"system:serviceaccount:{ns}:{KarpenterOptions.ServiceAccountName}\",\"",
        cluster.OidcIssuer.Reference,
        ":aud\":\"sts.amazonaws.com\"}}}]}"));
}

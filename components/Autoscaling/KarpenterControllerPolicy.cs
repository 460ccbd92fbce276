using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Autoscaling;

/// <summary>
/// The Karpenter controller's least-privilege policy, grouped as upstream's v1.14 CloudFormation groups
/// it (security rule 14). Everything that creates, tags or deletes is conditioned on this cluster's
/// ownership tag <c>kubernetes.io/cluster/&lt;name&gt;=owned</c> plus a <c>karpenter.sh/nodepool</c> (or
/// <c>karpenter.k8s.aws/ec2nodeclass</c>) tag, so the role cannot touch other clusters' instances.
/// Not included: upstream's zonal-shift policy, needed only with <c>settings.enableZonalShift</c>.
/// </summary>
internal static class KarpenterControllerPolicy
{
    /// <summary>One managed policy: a logical-name suffix, a description and its statements.</summary>
    /// <param name="Suffix">Suffix of the policy's logical name.</param>
    /// <param name="Description">What the policy allows.</param>
    /// <param name="Statements">The statements.</param>
    public sealed record Group(string Suffix, string Description, IReadOnlyList<PolicyStatement> Statements);

    /// <summary>The policy groups for one cluster.</summary>
    /// <param name="clusterName">The EKS cluster name (compile-time).</param>
    /// <param name="aws">Partition, account and region.</param>
    /// <param name="clusterArn">The cluster ARN.</param>
    /// <param name="nodeRoleArn">The Karpenter node role, the only role the controller may pass.</param>
    /// <param name="queueArn">The interruption queue.</param>
    public static IReadOnlyList<Group> For(string clusterName, AwsContext aws, Expr clusterArn, Expr nodeRoleArn, Expr queueArn)
    {
        ArgumentNullException.ThrowIfNull(clusterName);
        ArgumentNullException.ThrowIfNull(aws);
        var ownedTag = $"kubernetes.io/cluster/{clusterName}";
        var owned = Expr.Text("owned");
        var any = Expr.Text("*");
        var name = Expr.Text(clusterName);
        var region = (Expr)aws.Region;

        Expr Ec2(string resource, bool withAccount = true) => withAccount
            ? InterpolationExpr.Of("arn:", aws.Partition.Reference, ":ec2:", aws.Region.Reference, ":", aws.AccountId.Reference, ":" + resource)
            : InterpolationExpr.Of("arn:", aws.Partition.Reference, ":ec2:", aws.Region.Reference, "::" + resource);
        Expr[] Ec2All(params string[] types) => [.. types.Select(t => Ec2(t + "/*"))];
        var instanceProfiles = InterpolationExpr.Of("arn:", aws.Partition.Reference, ":iam::", aws.AccountId.Reference, ":instance-profile/*");

        var nodeLifecycle = new Group("node-lifecycle", $"Karpenter: launch, tag and terminate nodes of EKS cluster {clusterName}",
        [
            new PolicyStatement
            {
                Sid = "AllowScopedEC2InstanceAccessActions",
                Effect = "Allow",
                Action = ["ec2:RunInstances", "ec2:CreateFleet"],
                Resource = [Ec2("image/*", withAccount: false), Ec2("snapshot/*", withAccount: false), .. Ec2All("security-group", "subnet", "capacity-reservation", "placement-group")],
            },
            new PolicyStatement
            {
                Sid = "AllowScopedEC2LaunchTemplateAccessActions",
                Effect = "Allow",
                Action = ["ec2:RunInstances", "ec2:CreateFleet"],
                Resource = Ec2All("launch-template"),
                Condition = Conditions(
                    ("StringEquals", [($"aws:ResourceTag/{ownedTag}", owned)]),
                    ("StringLike", [("aws:ResourceTag/karpenter.sh/nodepool", any)])),
            },
            new PolicyStatement
            {
                Sid = "AllowScopedEC2InstanceActionsWithTags",
                Effect = "Allow",
                Action = ["ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateLaunchTemplate"],
                Resource = Ec2All("fleet", "instance", "volume", "network-interface", "launch-template", "spot-instances-request"),
                Condition = Conditions(
                    ("StringEquals", [($"aws:RequestTag/{ownedTag}", owned), ("aws:RequestTag/eks:eks-cluster-name", name)]),
                    ("StringLike", [("aws:RequestTag/karpenter.sh/nodepool", any)])),
            },
            new PolicyStatement
            {
                Sid = "AllowScopedResourceCreationTagging",
                Effect = "Allow",
                Action = ["ec2:CreateTags"],
                Resource = Ec2All("fleet", "instance", "volume", "network-interface", "launch-template", "spot-instances-request"),
                Condition = Conditions(
                    ("StringEquals", [
                        ($"aws:RequestTag/{ownedTag}", owned),
                        ("aws:RequestTag/eks:eks-cluster-name", name),
                        ("ec2:CreateAction", Expr.List([Expr.Text("RunInstances"), Expr.Text("CreateFleet"), Expr.Text("CreateLaunchTemplate")])),
                    ]),
                    ("StringLike", [("aws:RequestTag/karpenter.sh/nodepool", any)])),
            },
            new PolicyStatement
            {
                Sid = "AllowScopedResourceTagging",
                Effect = "Allow",
                Action = ["ec2:CreateTags"],
                Resource = Ec2All("instance"),
                Condition = Conditions(
                    ("StringEquals", [($"aws:ResourceTag/{ownedTag}", owned)]),
                    ("StringLike", [("aws:ResourceTag/karpenter.sh/nodepool", any)]),
                    ("StringEqualsIfExists", [("aws:RequestTag/eks:eks-cluster-name", name)]),
                    ("ForAllValues:StringEquals", [("aws:TagKeys", Expr.List([Expr.Text("eks:eks-cluster-name"), Expr.Text("karpenter.sh/nodeclaim"), Expr.Text("Name")]))])),
            },
            new PolicyStatement
            {
                Sid = "AllowScopedDeletion",
                Effect = "Allow",
                Action = ["ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"],
                Resource = Ec2All("instance", "launch-template"),
                Condition = Conditions(
                    ("StringEquals", [($"aws:ResourceTag/{ownedTag}", owned)]),
                    ("StringLike", [("aws:ResourceTag/karpenter.sh/nodepool", any)])),
            },
        ]);

        var iamIntegration = new Group("iam-integration", $"Karpenter: pass the node role and manage instance profiles of EKS cluster {clusterName}",
        [
            new PolicyStatement
            {
                Sid = "AllowPassingInstanceRole",
                Effect = "Allow",
                Action = ["iam:PassRole"],
                Resource = [nodeRoleArn],
                // Both partitions' EC2 principals, as upstream: aws-cn's EC2 service name ends in .com.cn.
                Condition = Conditions(("StringEquals", [("iam:PassedToService", Expr.List([Expr.Text("ec2.amazonaws.com"), Expr.Text("ec2.amazonaws.com.cn")]))])),
            },
            new PolicyStatement
            {
                Sid = "AllowScopedInstanceProfileCreationActions",
                Effect = "Allow",
                Action = ["iam:CreateInstanceProfile"],
                Resource = [instanceProfiles],
                Condition = Conditions(
                    ("StringEquals", [
                        ($"aws:RequestTag/{ownedTag}", owned),
                        ("aws:RequestTag/eks:eks-cluster-name", name),
                        ("aws:RequestTag/topology.kubernetes.io/region", region),
                    ]),
                    ("StringLike", [("aws:RequestTag/karpenter.k8s.aws/ec2nodeclass", any)])),
            },
            new PolicyStatement
            {
                Sid = "AllowScopedInstanceProfileTagActions",
                Effect = "Allow",
                Action = ["iam:TagInstanceProfile"],
                Resource = [instanceProfiles],
                Condition = Conditions(
                    ("StringEquals", [
                        ($"aws:ResourceTag/{ownedTag}", owned),
                        ("aws:ResourceTag/topology.kubernetes.io/region", region),
                        ($"aws:RequestTag/{ownedTag}", owned),
                        ("aws:RequestTag/eks:eks-cluster-name", name),
                        ("aws:RequestTag/topology.kubernetes.io/region", region),
                    ]),
                    ("StringLike", [
                        ("aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass", any),
                        ("aws:RequestTag/karpenter.k8s.aws/ec2nodeclass", any),
                    ])),
            },
            new PolicyStatement
            {
                Sid = "AllowScopedInstanceProfileActions",
                Effect = "Allow",
                Action = ["iam:AddRoleToInstanceProfile", "iam:RemoveRoleFromInstanceProfile", "iam:DeleteInstanceProfile"],
                Resource = [instanceProfiles],
                Condition = Conditions(
                    ("StringEquals", [
                        ($"aws:ResourceTag/{ownedTag}", owned),
                        ("aws:ResourceTag/topology.kubernetes.io/region", region),
                    ]),
                    ("StringLike", [("aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass", any)])),
            },
        ]);

        var eksIntegration = new Group("eks-integration", $"Karpenter: discover the API endpoint of EKS cluster {clusterName}",
        [
            new PolicyStatement
            {
                Sid = "AllowAPIServerEndpointDiscovery",
                Effect = "Allow",
                Action = ["eks:DescribeCluster"],
                Resource = [clusterArn],
            },
        ]);

        var interruption = new Group("interruption", $"Karpenter: read the interruption queue of EKS cluster {clusterName}",
        [
            new PolicyStatement
            {
                Sid = "AllowInterruptionQueueActions",
                Effect = "Allow",
                Action = ["sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage"],
                Resource = [queueArn],
            },
        ]);

        var discovery = new Group("resource-discovery", $"Karpenter: read instance types, prices, AMIs, subnets and security groups for EKS cluster {clusterName}",
        [
            new PolicyStatement
            {
                Sid = "AllowRegionalReadActions",
                Effect = "Allow",
                Action =
                [
                    "ec2:DescribeCapacityReservations", "ec2:DescribeImages", "ec2:DescribeInstances",
                    // Required since Karpenter 1.12: its instance-status controller drains impaired instances.
                    "ec2:DescribeInstanceStatus",
                    "ec2:DescribeInstanceTypeOfferings", "ec2:DescribeInstanceTypes", "ec2:DescribeLaunchTemplates",
                    "ec2:DescribePlacementGroups", "ec2:DescribeSecurityGroups", "ec2:DescribeSpotPriceHistory", "ec2:DescribeSubnets",
                ],
                // Describe calls do not support resource-level permissions; the region condition bounds them.
                Resource = [any],
                Condition = Conditions(("StringEquals", [("aws:RequestedRegion", region)])),
            },
            new PolicyStatement
            {
                Sid = "AllowSSMReadActions",
                Effect = "Allow",
                Action = ["ssm:GetParameter"],
                Resource = [InterpolationExpr.Of("arn:", aws.Partition.Reference, ":ssm:", aws.Region.Reference, "::parameter/aws/service/*")],
            },
            new PolicyStatement
            {
                Sid = "AllowPricingReadActions",
                Effect = "Allow",
                Action = ["pricing:GetProducts"],
                Resource = [any],
            },
            new PolicyStatement
            {
                Sid = "AllowUnscopedInstanceProfileListAction",
                Effect = "Allow",
                Action = ["iam:ListInstanceProfiles"],
                Resource = [any],
            },
            new PolicyStatement
            {
                Sid = "AllowInstanceProfileReadActions",
                Effect = "Allow",
                Action = ["iam:GetInstanceProfile"],
                Resource = [instanceProfiles],
            },
        ]);

        return [nodeLifecycle, iamIntegration, eksIntegration, interruption, discovery];
    }

    private static Dictionary<string, IReadOnlyDictionary<string, Expr>> Conditions(
        params (string Operator, (string Key, Expr Value)[] Entries)[] conditions) =>
        conditions.ToDictionary(
            c => c.Operator,
            c => (IReadOnlyDictionary<string, Expr>)c.Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
            StringComparer.Ordinal);
}

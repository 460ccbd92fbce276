using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Karpenter;

public sealed class KarpenterTests
{
    private static readonly ParsedProgram Program = TestPrograms.Platform(TestPrograms.KarpenterPlatformArgs(
        TestPrograms.KarpenterPool("shared", KarpenterMode.OverlayShared)));

    private static YamlSequenceNode Statements(ParsedProgram program, string resource, string property = "policy") =>
        (YamlSequenceNode)ParsedProgram.Node(program.Resource(resource), $"properties.{property}.fn::toJSON.Statement");

    private static YamlMappingNode Statement(string resource, string sid) =>
        Statements(Program, resource).Cast<YamlMappingNode>().Single(s => ParsedProgram.Scalar(s, "Sid") == sid);

    private static IEnumerable<string> Strings(YamlNode node) => ((YamlSequenceNode)node).Select(n => ((YamlScalarNode)n).Value!);

    [Fact]
    public void Node_role_has_the_four_node_policies_and_an_ec2_linux_access_entry()
    {
        Assert.Equal("aws:iam:Role", Program.TypeOf("karpenter-node-role"));
        foreach (var (suffix, policy) in new[] { ("worker", "AmazonEKSWorkerNodePolicy"), ("cni", "AmazonEKS_CNI_Policy"), ("ecr", "AmazonEC2ContainerRegistryPullOnly"), ("ssm", "AmazonSSMManagedInstanceCore") })
        {
            Assert.EndsWith(":iam::aws:policy/" + policy, ParsedProgram.Scalar(Program.Resource($"karpenter-node-role-{suffix}"), "properties.policyArn"), StringComparison.Ordinal);
        }
        var entry = Program.Resource("karpenter-node-access-entry");
        Assert.Equal("aws:eks:AccessEntry", Program.TypeOf("karpenter-node-access-entry"));
        Assert.Equal("EC2_LINUX", ParsedProgram.Scalar(entry, "properties.type"));
        Assert.Equal("${karpenter-node-role.arn}", ParsedProgram.Scalar(entry, "properties.principalArn"));
    }

    [Fact]
    public void Controller_policies_scope_every_mutation_to_this_cluster_and_its_nodepools()
    {
        const string owned = "kubernetes.io/cluster/gpu-test";
        var launch = Statement("karpenter-controller-node-lifecycle", "AllowScopedEC2InstanceActionsWithTags");
        Assert.Equal("owned", ParsedProgram.At(launch, "Condition", "StringEquals", "aws:RequestTag/" + owned));
        Assert.Equal("gpu-test", ParsedProgram.At(launch, "Condition", "StringEquals", "aws:RequestTag/eks:eks-cluster-name"));
        Assert.Equal("*", ParsedProgram.At(launch, "Condition", "StringLike", "aws:RequestTag/karpenter.sh/nodepool"));

        var delete = Statement("karpenter-controller-node-lifecycle", "AllowScopedDeletion");
        Assert.Equal(["ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"], Strings(ParsedProgram.Node(delete, "Action")));
        Assert.Equal("owned", ParsedProgram.At(delete, "Condition", "StringEquals", "aws:ResourceTag/" + owned));

        var tagging = Statement("karpenter-controller-node-lifecycle", "AllowScopedResourceCreationTagging");
        Assert.Equal(["RunInstances", "CreateFleet", "CreateLaunchTemplate"], Strings(((YamlMappingNode)ParsedProgram.Node(tagging, "Condition.StringEquals"))["ec2:CreateAction"]));

        foreach (var sid in new[] { "AllowScopedInstanceProfileCreationActions", "AllowScopedInstanceProfileTagActions", "AllowScopedInstanceProfileActions" })
        {
            var statement = Statement("karpenter-controller-iam-integration", sid);
            Assert.True(ParsedProgram.Has(statement, "Condition.StringEquals"), sid);
            Assert.Equal("${awsRegion}", ParsedProgram.At(statement, "Condition", "StringEquals",
                (sid == "AllowScopedInstanceProfileCreationActions" ? "aws:RequestTag" : "aws:ResourceTag") + "/topology.kubernetes.io/region"));
        }
    }

    [Fact]
    public void Controller_may_pass_only_the_node_role_and_only_to_ec2()
    {
        var pass = Statement("karpenter-controller-iam-integration", "AllowPassingInstanceRole");

        Assert.Equal(["${karpenter-node-role.arn}"], Strings(ParsedProgram.Node(pass, "Resource")));
        Assert.Equal(["ec2.amazonaws.com", "ec2.amazonaws.com.cn"], Strings(((YamlMappingNode)ParsedProgram.Node(pass, "Condition.StringEquals"))["iam:PassedToService"]));
    }

    [Fact]
    public void Controller_reads_only_this_cluster_this_queue_and_public_ssm_parameters()
    {
        Assert.Equal(["${cluster-eks.eksCluster.arn}"], Strings(ParsedProgram.Node(Statement("karpenter-controller-eks-integration", "AllowAPIServerEndpointDiscovery"), "Resource")));
        Assert.Equal(["${karpenter-interruption-queue.arn}"], Strings(ParsedProgram.Node(Statement("karpenter-controller-interruption", "AllowInterruptionQueueActions"), "Resource")));
        Assert.Equal(["arn:${awsPartition}:ssm:${awsRegion}::parameter/aws/service/*"], Strings(ParsedProgram.Node(Statement("karpenter-controller-resource-discovery", "AllowSSMReadActions"), "Resource")));
        Assert.Equal(["pricing:GetProducts"], Strings(ParsedProgram.Node(Statement("karpenter-controller-resource-discovery", "AllowPricingReadActions"), "Action")));
        Assert.Equal(["iam:ListInstanceProfiles"], Strings(ParsedProgram.Node(Statement("karpenter-controller-resource-discovery", "AllowUnscopedInstanceProfileListAction"), "Action")));
    }

    [Fact]
    public void Pod_identity_binds_the_controller_role_to_kube_system_karpenter()
    {
        var trust = (YamlMappingNode)Statements(Program, "karpenter-controller-role", "assumeRolePolicy")[0];
        Assert.Equal("pods.eks.amazonaws.com", ParsedProgram.Scalar(trust, "Principal.Service"));
        Assert.Equal(["sts:AssumeRole", "sts:TagSession"], Strings(ParsedProgram.Node(trust, "Action")));

        Assert.Equal("eks-pod-identity-agent", ParsedProgram.Scalar(Program.Resource("pod-identity-agent"), "properties.addonName"));
        var association = Program.Resource("karpenter-pod-identity");
        Assert.Equal("kube-system", ParsedProgram.Scalar(association, "properties.namespace"));
        Assert.Equal("karpenter", ParsedProgram.Scalar(association, "properties.serviceAccount"));
        Assert.Equal("${karpenter-controller-role.arn}", ParsedProgram.Scalar(association, "properties.roleArn"));
    }

    [Fact]
    public void Irsa_uses_the_oidc_provider_and_annotates_the_service_account()
    {
        var program = KarpenterCrdConformanceTests.Load("irsa-types");

        Assert.DoesNotContain("karpenter-pod-identity", program.ResourceNames);
        Assert.Equal("true", ParsedProgram.Scalar(program.Resource("cluster-eks"), "properties.createOidcProvider"));
        var trust = ParsedProgram.Scalar(program.Resource("karpenter-controller-role"), "properties.assumeRolePolicy");
        Assert.Contains("\"Federated\":\"${cluster-eks.oidcProviderArn}\"", trust, StringComparison.Ordinal);
        Assert.Contains("${cluster-eks.oidcIssuer}:sub\":\"system:serviceaccount:kube-system:karpenter\"", trust, StringComparison.Ordinal);
        Assert.Equal("${karpenter-controller-role.arn}", ParsedProgram.At(program.Resource("karpenter-release"), "properties", "values", "serviceAccount", "annotations", "eks.amazonaws.com/role-arn"));
    }

    [Fact]
    public void Interruption_queue_is_encrypted_short_lived_and_tls_only()
    {
        var queue = Program.Resource("karpenter-interruption-queue");
        Assert.Equal("300", ParsedProgram.Scalar(queue, "properties.messageRetentionSeconds"));
        Assert.Equal("true", ParsedProgram.Scalar(queue, "properties.sqsManagedSseEnabled"));

        var statements = Statements(Program, "karpenter-interruption-queue-policy").Cast<YamlMappingNode>().ToList();
        var allow = statements.Single(s => ParsedProgram.Scalar(s, "Effect") == "Allow");
        Assert.Equal(["events.amazonaws.com", "sqs.amazonaws.com"], Strings(ParsedProgram.Node(allow, "Principal.Service")));
        Assert.Equal(["sqs:SendMessage"], Strings(ParsedProgram.Node(allow, "Action")));
        var deny = statements.Single(s => ParsedProgram.Scalar(s, "Effect") == "Deny");
        Assert.Equal("false", ParsedProgram.At(deny, "Condition", "Bool", "aws:SecureTransport"));
    }

    [Fact]
    public void Five_event_rules_feed_the_queue()
    {
        var rules = Program.NamesOfType("aws:cloudwatch:EventRule").ToList();
        var patterns = rules.Select(r => (
            Source: Strings(ParsedProgram.Node(Program.Resource(r), "properties.eventPattern.fn::toJSON.source")).Single(),
            DetailType: Strings(ParsedProgram.Node(Program.Resource(r), "properties.eventPattern.fn::toJSON.detail-type")).Single())).ToList();

        Assert.Equal(5, rules.Count);
        Assert.Contains(("aws.health", "AWS Health Event"), patterns);
        Assert.Contains(("aws.ec2", "EC2 Spot Instance Interruption Warning"), patterns);
        Assert.Contains(("aws.ec2", "EC2 Instance Rebalance Recommendation"), patterns);
        Assert.Contains(("aws.ec2", "EC2 Instance State-change Notification"), patterns);
        Assert.Contains(("aws.ec2", "EC2 Capacity Reservation Instance Interruption Warning"), patterns);
        foreach (var rule in rules)
        {
            var target = Program.Resource(rule + "-target");
            Assert.Equal($"${{{rule}.name}}", ParsedProgram.Scalar(target, "properties.rule"));
            Assert.Equal("${karpenter-interruption-queue.arn}", ParsedProgram.Scalar(target, "properties.arn"));
        }
    }

    [Fact]
    public void Karpenter_and_managed_nodes_join_exactly_one_cluster_tagged_security_group()
    {
        // EKS tags its cluster security group kubernetes.io/cluster/<name>, and pulumi-eks tags its node security
        // group the same way; a node in both breaks Services of type LoadBalancer ("Multiple tagged security
        // groups found"). Karpenter selects groups by the discovery tag, so only the cluster group may carry it.
        foreach (var stack in new[] { "dev", "prod" })
        {
            var program = new ParsedProgram(ReviewFixtures.Shipped(stack).Program);
            var cluster = program.Resource("cluster-eks");
            Assert.False(ParsedProgram.Has(cluster, "properties.nodeSecurityGroupTags")
                && ((YamlMappingNode)ParsedProgram.Node(cluster, "properties.nodeSecurityGroupTags")).Children.ContainsKey("karpenter.sh/discovery"), stack);
            Assert.False(ParsedProgram.Has(cluster, "properties.clusterSecurityGroupTags"), stack);
            var discoveryTags = program.NamesOfType("aws:ec2:Tag")
                .Select(program.Resource)
                .Where(t => ParsedProgram.Scalar(t, "properties.key") == "karpenter.sh/discovery")
                .Select(t => ParsedProgram.Scalar(t, "properties.resourceId"))
                .Where(id => id.Contains("SecurityGroup", StringComparison.Ordinal));
            Assert.Equal(["${cluster-eks.eksCluster.vpcConfig.clusterSecurityGroupId}"], discoveryTags);
            foreach (var template in program.NamesOfType("aws:ec2:LaunchTemplate").Select(program.Resource))
            {
                // Without security groups in its launch template, EKS gives a managed node the cluster group only.
                Assert.False(ParsedProgram.Has(template, "properties.vpcSecurityGroupIds"), stack);
                Assert.False(ParsedProgram.Has(template, "properties.networkInterfaces"), stack);
            }
        }
    }

    [Fact]
    public void The_release_is_pinned_on_system_nodes_and_wired_to_the_queue()
    {
        var release = Program.Resource("karpenter-release");
        Assert.Equal("oci://public.ecr.aws/karpenter/karpenter", ParsedProgram.Scalar(release, "properties.chart"));
        Assert.Equal("1.14.1", ParsedProgram.Scalar(release, "properties.version"));
        Assert.Equal("kube-system", ParsedProgram.Scalar(release, "properties.namespace"));
        Assert.Equal("gpu-test", ParsedProgram.Scalar(release, "properties.values.settings.clusterName"));
        Assert.Equal("${karpenter-interruption-queue.name}", ParsedProgram.Scalar(release, "properties.values.settings.interruptionQueue"));
        Assert.Equal("true", ParsedProgram.Scalar(release, "properties.values.settings.featureGates.nodeOverlay"));
        Assert.Equal("system", ParsedProgram.At(release, "properties", "values", "nodeSelector", "gpu-slicing-infra/node-role"));
        Assert.Equal("2", ParsedProgram.Scalar(release, "properties.values.replicas"));
    }

    [Fact]
    public void Plain_pools_leave_the_node_overlay_gate_off()
    {
        var program = TestPrograms.Platform(TestPrograms.KarpenterPlatformArgs(TestPrograms.KarpenterPool("plain", KarpenterMode.Plain)));

        Assert.Equal("false", ParsedProgram.Scalar(program.Resource("karpenter-release"), "properties.values.settings.featureGates.nodeOverlay"));
        Assert.DoesNotContain(KarpenterCrdConformanceTests.KarpenterObjects(program), o => o.Kind == "NodeOverlay");
    }

    [Theory]
    [InlineData("test")]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Aws_side_comes_before_the_release_and_custom_resources_after_it(string stack)
    {
        var program = stack == "test" ? Program : KarpenterCrdConformanceTests.Load(stack);
        var names = program.ResourceNames.ToList();
        var dependsOn = DependsOn(program, "karpenter-release");
        foreach (var required in new[] { "karpenter-controller-role", "karpenter-pod-identity", "karpenter-interruption-queue", "karpenter-controller-node-lifecycle-attachment", "system-nodes" })
        {
            Assert.Contains(required, dependsOn);
            Assert.True(names.IndexOf(required) < names.IndexOf("karpenter-release"), required);
        }
        foreach (var (name, _, _) in KarpenterCrdConformanceTests.KarpenterObjects(program))
        {
            Assert.Contains("karpenter-release", DependsOn(program, name));
            Assert.Equal("${k8s-provider}", ParsedProgram.Scalar(program.Resource(name), "options.provider"));
            Assert.True(names.IndexOf(name) > names.IndexOf("karpenter-release"), name);
        }
        foreach (var pool in names.Where(n => n.StartsWith("karpenter-nodepool-", StringComparison.Ordinal)))
        {
            Assert.Contains(pool.Replace("nodepool", "nodeclass", StringComparison.Ordinal), DependsOn(program, pool));
        }
    }

    [Fact]
    public void Karpenter_only_pools_get_no_managed_node_group()
    {
        Assert.DoesNotContain("gpu-shared-nodes", Program.ResourceNames);
        Assert.Contains("karpenter-nodepool-shared", Program.ResourceNames);
    }

    [Fact]
    public void Without_karpenter_nothing_karpenter_is_emitted()
    {
        var program = TestPrograms.Platform(TestPrograms.PlatformArgs());

        Assert.DoesNotContain(program.ResourceNames, n => n.StartsWith("karpenter", StringComparison.Ordinal));
        Assert.False(ParsedProgram.Has(program.Resource("cluster-eks"), "properties.nodeSecurityGroupTags"));
    }

    private static List<string> DependsOn(ParsedProgram program, string name) =>
        [.. ((YamlSequenceNode)ParsedProgram.Node(program.Resource(name), "options.dependsOn")).Select(n => ((YamlScalarNode)n).Value!.Trim('$', '{', '}'))];
}

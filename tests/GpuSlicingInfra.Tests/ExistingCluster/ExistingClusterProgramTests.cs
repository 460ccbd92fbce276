using GpuSlicingInfra.Stacks;
using GpuSlicingInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.ExistingCluster;

/// <summary>The program of a stack that joins an existing cluster: what it reads, what it adds, and what it never touches.</summary>
public sealed class ExistingClusterProgramTests
{
    private static ParsedProgram Compile(string yaml) => new(StackProgram.Compile(StackFixtures.Inline(yaml)));

    private static YamlMappingNode Variable(ParsedProgram program, string name) => (YamlMappingNode)((YamlMappingNode)program.Root["variables"])[name];

    [Fact]
    public void Nothing_that_creates_or_changes_a_cluster_or_network_is_in_the_program()
    {
        var program = Compile(ExistingStacks.Yaml());
        var types = program.ResourceNames.Select(program.TypeOf).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string> { "aws:eks:NodeGroup", "aws:iam:Role", "aws:iam:RolePolicyAttachment", "aws:ec2:LaunchTemplate",
            "pulumi:providers:kubernetes", "kubernetes:core/v1:ConfigMap", "kubernetes:helm.sh/v3:Release" }, types);
        // No cluster, VPC, system nodes, key or add-on; no tag on the cluster's resources; no access entry for the
        // node group's role, which EKS makes itself (CreateAccessEntry: unnecessary for managed node group roles).
        Assert.DoesNotContain("eks:Cluster", types);
        Assert.DoesNotContain("awsx:ec2:Vpc", types);
        Assert.DoesNotContain("eks:ManagedNodeGroup", types);
        Assert.DoesNotContain("aws:kms:Key", types);
        Assert.DoesNotContain("aws:eks:Addon", types);
        Assert.DoesNotContain("aws:ec2:Tag", types);
        Assert.DoesNotContain("aws:eks:AccessEntry", types);
    }

    [Fact]
    public void The_cluster_is_read_with_get_cluster_on_the_pinned_aws_plugin()
    {
        var invoke = (YamlMappingNode)Variable(Compile(ExistingStacks.Yaml()), "cluster-lookup")["fn::invoke"];

        Assert.Equal("aws:eks:getCluster", ParsedProgram.Scalar(invoke, "function"));
        Assert.Equal("platform-prod", ParsedProgram.Scalar(invoke, "arguments.name"));
        Assert.Equal("7.48.0", ParsedProgram.Scalar(invoke, "options.version"));
        // The whole result: the endpoint, certificate, version, ARN and security group are read from it.
        Assert.False(invoke.Children.ContainsKey("return"));
    }

    [Fact]
    public void The_kubernetes_provider_authenticates_with_aws_eks_get_token_against_the_clusters_endpoint()
    {
        var program = Compile(ExistingStacks.Yaml());
        var kubeconfig = (YamlMappingNode)Variable(program, "k8s-provider-kubeconfig")["fn::toJSON"];

        Assert.Equal("${k8s-provider-kubeconfig}", ParsedProgram.Scalar(program.Resource("k8s-provider"), "properties.kubeconfig"));
        Assert.Equal("${cluster-lookup.endpoint}", ParsedProgram.Scalar(kubeconfig, "clusters.0.cluster.server"));
        Assert.Equal("${cluster-lookup.certificateAuthorities[0].data}", ParsedProgram.At(kubeconfig, "clusters", "0", "cluster", "certificate-authority-data"));
        var exec = ParsedProgram.Node(kubeconfig, "users.0.user.exec");
        Assert.Equal("aws", ParsedProgram.Scalar(exec, "command"));
        Assert.Equal(["eks", "get-token", "--cluster-name", "platform-prod", "--region", "${awsRegion}", "--output", "json"],
            ((YamlSequenceNode)ParsedProgram.Node(exec, "args")).Select(a => ((YamlScalarNode)a).Value));
    }

    [Fact]
    public void A_gpu_pool_is_a_raw_node_group_in_the_given_subnets_with_its_own_role_and_imdsv2()
    {
        var program = Compile(ExistingStacks.Yaml());
        var group = program.Resource("gpu-t4-nodes");

        Assert.Equal("aws:eks:NodeGroup", program.TypeOf("gpu-t4-nodes"));
        Assert.Equal("${cluster-lookup.name}", ParsedProgram.Scalar(group, "properties.clusterName"));
        Assert.Equal("${cluster-lookup.version}", ParsedProgram.Scalar(group, "properties.version"));
        Assert.Equal("${cluster-node-role.arn}", ParsedProgram.Scalar(group, "properties.nodeRoleArn"));
        Assert.Equal([ExistingStacks.Subnet1, ExistingStacks.Subnet2], ((YamlSequenceNode)ParsedProgram.Node(group, "properties.subnetIds")).Select(s => ((YamlScalarNode)s).Value));
        Assert.Equal("nvidia.com/gpu", ParsedProgram.Scalar(group, "properties.taints.0.key"));
        Assert.Equal("required", ParsedProgram.Scalar(program.Resource("gpu-t4-launch-template"), "properties.metadataOptions.httpTokens"));
        // Nodes must not boot before their role may call EKS and ECR.
        Assert.Contains("${cluster-node-role-worker}", ((YamlSequenceNode)ParsedProgram.Node(group, "options.dependsOn")).Select(d => ((YamlScalarNode)d).Value));
    }

    [Fact]
    public void The_node_role_gets_only_the_aws_managed_node_policies()
    {
        var program = Compile(ExistingStacks.Yaml());

        var policies = program.NamesOfType("aws:iam:RolePolicyAttachment")
            .Where(n => ParsedProgram.Scalar(program.Resource(n), "properties.role") == "${cluster-node-role.name}")
            .Select(n => ParsedProgram.Scalar(program.Resource(n), "properties.policyArn").Split('/')[^1]);

        Assert.Equal(["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryPullOnly", "AmazonSSMManagedInstanceCore"], policies);
        Assert.Empty(program.NamesOfType("aws:iam:RolePolicy"));
        Assert.Empty(program.NamesOfType("aws:iam:Policy"));
    }

    [Fact]
    public void The_device_plugin_waits_for_no_system_nodes_on_an_existing_cluster()
    {
        var release = Compile(ExistingStacks.Yaml()).Resource("nvidia-device-plugin");

        Assert.Equal(["${nvidia-device-plugin-config}"], ((YamlSequenceNode)ParsedProgram.Node(release, "options.dependsOn")).Select(d => ((YamlScalarNode)d).Value));
        Assert.Equal("${k8s-provider}", ParsedProgram.Scalar(release, "options.provider"));
    }

    [Fact]
    public void An_existing_karpenter_gets_only_the_pools_node_classes_node_pools_and_overlays()
    {
        var program = Compile(ExistingStacks.WithExistingKarpenter());

        var karpenter = program.ResourceNames.Where(n => n.StartsWith("karpenter", StringComparison.Ordinal)).ToList();
        Assert.Equal(["karpenter-nodeclass-burst", "karpenter-nodepool-burst", "karpenter-overlay-burst-gpus-1"], karpenter);
        Assert.All(karpenter, n => Assert.Equal("kubernetes:apiextensions.k8s.io:CustomResource", program.TypeOf(n)));
        // No controller, CRD release, queue, rules or IAM of Karpenter's own.
        Assert.Equal(["nvidia-device-plugin"], program.NamesOfType("kubernetes:helm.sh/v3:Release"));
        Assert.Empty(program.NamesOfType("aws:sqs:Queue"));
        Assert.Empty(program.NamesOfType("aws:cloudwatch:EventRule"));
        Assert.Equal(["cluster-node-role"], program.NamesOfType("aws:iam:Role"));
        // The CRDs are the running installation's: a NodePool waits only for its NodeClass.
        Assert.Equal(["${karpenter-nodeclass-burst}"],
            ((YamlSequenceNode)ParsedProgram.Node(program.Resource("karpenter-nodepool-burst"), "options.dependsOn")).Select(d => ((YamlScalarNode)d).Value));
    }

    [Fact]
    public void An_existing_karpenters_node_class_uses_its_node_role_and_selects_subnets_and_security_group_by_id()
    {
        var nodeClass = Compile(ExistingStacks.WithExistingKarpenter()).Resource("karpenter-nodeclass-burst");

        Assert.Equal("KarpenterNodeRole-platform-prod", ParsedProgram.Scalar(nodeClass, "properties.spec.role"));
        Assert.Equal([ExistingStacks.Subnet1, ExistingStacks.Subnet2],
            ((YamlSequenceNode)ParsedProgram.Node(nodeClass, "properties.spec.subnetSelectorTerms")).Select(t => ParsedProgram.Scalar(t, "id")));
        // The cluster's own security group, by id: tagging it for discovery would modify the existing cluster.
        Assert.Equal("${cluster-lookup.vpcConfig.clusterSecurityGroupId}", ParsedProgram.Scalar(nodeClass, "properties.spec.securityGroupSelectorTerms.0.id"));
    }

    [Fact]
    public void A_karpenter_installed_on_an_existing_cluster_adds_no_add_on_and_no_system_node_selector()
    {
        var program = Compile(ExistingStacks.Yaml(ExistingStacks.ManagedPool + "\n  gpu-slicing-infra:karpenter:\n    enabled: true"));

        Assert.Empty(program.NamesOfType("aws:eks:Addon"));
        Assert.Single(program.NamesOfType("aws:eks:PodIdentityAssociation"));
        Assert.False(((YamlMappingNode)ParsedProgram.Node(program.Resource("karpenter-release"), "properties.values")).Children.ContainsKey("nodeSelector"));
        Assert.Equal("${cluster-lookup.arn}", ParsedProgram.Scalar(program.Resource("karpenter-controller-eks-integration"), "properties.policy.fn::toJSON.Statement.0.Resource.0"));
    }

    [Fact]
    public void The_sample_stack_compiles_to_its_golden_program()
    {
        var result = CliRunner.Run("synth", "--stack", "shared-gpus", "--project-dir", Path.Combine(RepoPaths.Root, "samples", "ExistingCluster"));

        Assert.Equal(0, result.ExitCode);
        Support.Golden.AssertMatches(Path.Combine("..", "ExistingCluster", "shared-gpus.verified.yaml"), result.Stdout);
    }
}

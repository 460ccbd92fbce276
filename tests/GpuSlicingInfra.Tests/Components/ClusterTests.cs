using GpuSlicingInfra.Components;
using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Components;

public sealed class ClusterTests
{
    private static ParsedProgram WithCluster(ClusterOptions cluster) =>
        TestPrograms.Platform(TestPrograms.PlatformArgs() with { Cluster = cluster });

    [Fact]
    public void The_cluster_logs_all_five_control_plane_log_types_and_encrypts_secrets_with_a_rotating_key()
    {
        var program = WithCluster(new ClusterOptions { Name = "gpu-test" });

        var cluster = program.Resource("cluster-eks");
        var logTypes = ((YamlSequenceNode)ParsedProgram.Node(cluster, "properties.enabledClusterLogTypes")).Select(n => n.ToString());
        Assert.Equal(["api", "audit", "authenticator", "controllerManager", "scheduler"], logTypes);
        Assert.Equal("${cluster-secrets-key.arn}", ParsedProgram.Scalar(cluster, "properties.encryptionConfigKeyArn"));
        Assert.Equal("true", ParsedProgram.Scalar(program.Resource("cluster-secrets-key"), "properties.enableKeyRotation"));
    }

    [Fact]
    public void The_cluster_uses_access_entries_only_skips_the_default_node_group_and_is_private_by_default()
    {
        var program = WithCluster(new ClusterOptions { Name = "gpu-test", AdminPrincipalArns = ["arn:aws:iam::123456789012:role/admins"] });

        var properties = ParsedProgram.Node(program.Resource("cluster-eks"), "properties");
        Assert.Equal("API", ParsedProgram.Scalar(properties, "authenticationMode"));
        Assert.Equal("true", ParsedProgram.Scalar(properties, "skipDefaultNodeGroup"));
        Assert.Equal("true", ParsedProgram.Scalar(properties, "endpointPrivateAccess"));
        Assert.Equal("false", ParsedProgram.Scalar(properties, "endpointPublicAccess"));
        Assert.False(ParsedProgram.Has(properties, "publicAccessCidrs"));
        Assert.Equal("arn:aws:iam::123456789012:role/admins", ParsedProgram.Scalar(properties, "accessEntries.admin-0.principalArn"));
        Assert.EndsWith(":eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
            ParsedProgram.Scalar(properties, "accessEntries.admin-0.accessPolicies.cluster-admin.policyArn"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_system_node_group_is_untainted_and_runs_in_private_subnets()
    {
        var program = WithCluster(new ClusterOptions { Name = "gpu-test" });

        var system = program.Resource("system-nodes");
        Assert.False(ParsedProgram.Has(system, "properties.taints"));
        Assert.Equal("system", ParsedProgram.At(system, "properties", "labels", WellKnownKeys.NodeRoleLabel));
        Assert.Equal("${network-vpc.privateSubnetIds}", ParsedProgram.Scalar(system, "properties.subnetIds"));
        Assert.Equal("required", ParsedProgram.Scalar(program.Resource("system-nodes-launch-template"), "properties.metadataOptions.httpTokens"));
    }

    [Fact]
    public void Protection_covers_the_cluster_its_key_and_node_groups()
    {
        var args = TestPrograms.PlatformArgs(new GpuPoolOptions { Name = "t4", Profile = "ts-4", Protect = true, ManagedNodeGroup = new() });
        var program = TestPrograms.Platform(args with { Cluster = args.Cluster with { Protect = true }, Network = args.Network with { Protect = true } });

        foreach (var name in new[] { "cluster-eks", "cluster-secrets-key", "system-nodes", "gpu-t4-nodes", "network-vpc" })
        {
            Assert.Equal("true", ParsedProgram.Scalar(program.Resource(name), "options.protect"));
        }
        Assert.Equal("true", ParsedProgram.Scalar(program.Resource("cluster-eks"), "properties.deletionProtection"));
    }

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("::/0")]
    public void A_world_open_public_endpoint_is_rejected(string cidr)
    {
        var args = new ClusterOptions { Name = "c", EndpointPublicAccess = true, PublicAccessCidrs = [cidr] };

        Assert.Contains(args.Validate(), p => p.Field == nameof(ClusterOptions.PublicAccessCidrs) && p.Message.Contains("CKV_AWS_38", StringComparison.Ordinal));
    }

    [Fact]
    public void A_public_endpoint_without_cidrs_is_rejected()
    {
        var args = new ClusterOptions { Name = "c", EndpointPublicAccess = true };

        Assert.Contains(args.Validate(), p => p.Field == nameof(ClusterOptions.PublicAccessCidrs));
    }

    [Fact]
    public void Unsupported_kubernetes_versions_are_rejected()
    {
        var problem = Assert.Single(new ClusterOptions { Name = "c", KubernetesVersion = "1.20" }.Validate());

        Assert.Equal(nameof(ClusterOptions.KubernetesVersion), problem.Field);
    }
}

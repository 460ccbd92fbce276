using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.ExistingCluster;

/// <summary>How <c>cluster.existing</c> and <c>karpenter.existing</c> bind, and every combination they refuse.</summary>
public sealed class ExistingClusterSettingsTests
{
    private static IReadOnlyList<ConfigProblem> Problems(string yaml) =>
        Assert.Throws<ConfigException>(() => SettingsBinder.Bind(StackFixtures.Inline(yaml))).Problems;

    private static ConfigProblem Single(IReadOnlyList<ConfigProblem> problems, string keyPath) =>
        Assert.Single(problems, p => p.KeyPath == keyPath);

    [Fact]
    public void An_existing_cluster_binds_its_name_and_node_subnets_and_creates_no_network()
    {
        var settings = SettingsBinder.Bind(StackFixtures.Inline(ExistingStacks.Yaml()));

        var existing = Assert.IsType<GpuSlicingInfra.Components.Aws.ExistingClusterOptions>(settings.Platform.ExistingCluster);
        Assert.Equal("platform-prod", existing.Name);
        Assert.Equal([ExistingStacks.Subnet1, ExistingStacks.Subnet2], existing.NodeSubnetIds);
        Assert.Equal("platform-prod", settings.Platform.Cluster.Name);
    }

    [Theory]
    [InlineData("name: other")]
    [InlineData("kubernetesVersion: \"1.34\"")]
    [InlineData("endpointPrivateAccess: true")]
    [InlineData("endpointPublicAccess: false")]
    [InlineData("publicAccessCidrs: [203.0.113.0/24]")]
    [InlineData("logTypes: [api]")]
    [InlineData("adminPrincipalArns: [\"arn:aws:iam::111122223333:role/admin\"]")]
    [InlineData("createOidcProvider: false")]
    [InlineData("systemInstanceType: m6i.large")]
    [InlineData("systemMinSize: 2")]
    [InlineData("systemDesiredSize: 2")]
    [InlineData("systemMaxSize: 3")]
    [InlineData("systemDiskSizeGiB: 50")]
    public void Each_key_that_creates_a_cluster_is_an_error_naming_cluster_existing(string entry)
    {
        // Even at its default value: the key says the user expects a cluster this stack would create.
        var key = entry[..entry.IndexOf(':', StringComparison.Ordinal)];

        var problem = Single(Problems(ExistingStacks.Yaml(clusterExtra: "    " + entry)), $"gpu-slicing-infra:cluster.{key}");

        Assert.Contains("cannot be combined with gpu-slicing-infra:cluster.existing", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_account_wide_spot_role_may_still_be_created_beside_an_existing_cluster()
    {
        var settings = SettingsBinder.Bind(StackFixtures.Inline(ExistingStacks.Yaml(clusterExtra: "    createSpotServiceLinkedRole: true")));

        Assert.True(settings.Platform.Cluster.CreateSpotServiceLinkedRole);
    }

    [Theory]
    [InlineData("cidrBlock: 10.1.0.0/16")]
    [InlineData("availabilityZoneCount: 3")]
    [InlineData("natGateways: single")]
    [InlineData("existingVpcId: vpc-0a1b2c3d4e5f60718")]
    public void Each_network_key_is_an_error_naming_cluster_existing(string entry)
    {
        var key = entry[..entry.IndexOf(':', StringComparison.Ordinal)];

        var problem = Single(Problems(ExistingStacks.Yaml(ExistingStacks.ManagedPool + "\n  gpu-slicing-infra:network:\n    " + entry)), $"gpu-slicing-infra:network.{key}");

        Assert.Contains("cannot be combined with gpu-slicing-infra:cluster.existing", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_cluster_without_a_name_is_an_error()
    {
        var yaml = ExistingStacks.Yaml().Replace("      name: platform-prod\n", "", StringComparison.Ordinal);

        var problem = Single(Problems(yaml), "gpu-slicing-infra:cluster.existing.name");

        Assert.Contains("name is required", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "private subnets")]
    [InlineData("[subnet-xyz]", "is not a subnet id")]
    [InlineData("[subnet-0a1b2c3d4e5f60718, subnet-0a1b2c3d4e5f60718]", "more than once")]
    public void Node_subnets_are_required_and_must_be_distinct_subnet_ids(string subnets, string expected)
    {
        var yaml = ExistingStacks.Yaml().Replace($"[{ExistingStacks.Subnet1}, {ExistingStacks.Subnet2}]", subnets, StringComparison.Ordinal);

        var problem = Single(Problems(yaml), "gpu-slicing-infra:cluster.existing.nodeSubnetIds");

        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_karpenter_binds_its_version_and_node_role()
    {
        var karpenter = SettingsBinder.Bind(StackFixtures.Inline(ExistingStacks.WithExistingKarpenter())).Platform.Karpenter;

        Assert.True(karpenter.Enabled);
        Assert.True(karpenter.Existing);
        Assert.Equal("1.8.1", karpenter.ExistingVersion);
        Assert.Equal("KarpenterNodeRole-platform-prod", karpenter.ExistingNodeRole);
    }

    [Theory]
    [InlineData("1.8", "must be an exact version")]
    [InlineData("latest", "must be an exact version")]
    [InlineData("0.37.0", "predates Karpenter's v1 API")]
    public void A_bad_existing_karpenter_version_is_an_error(string version, string expected)
    {
        var problem = Single(Problems(ExistingStacks.WithExistingKarpenter(version, "plain")), "gpu-slicing-infra:karpenter.existingVersion");

        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_karpenter_needs_its_version_and_node_role()
    {
        var yaml = ExistingStacks.WithExistingKarpenter("1.8.1", "plain")
            .Replace("    existingVersion: \"1.8.1\"\n", "", StringComparison.Ordinal)
            .Replace("    existingNodeRole: KarpenterNodeRole-platform-prod\n", "", StringComparison.Ordinal);

        var problems = Problems(yaml);

        Assert.Contains("needs its version", Single(problems, "gpu-slicing-infra:karpenter.existingVersion").Message, StringComparison.Ordinal);
        Assert.Contains("IAM role", Single(problems, "gpu-slicing-infra:karpenter.existingNodeRole").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_existing_node_role_is_a_role_name_not_an_arn()
    {
        var yaml = ExistingStacks.WithExistingKarpenter("1.8.1", "plain")
            .Replace("KarpenterNodeRole-platform-prod", "arn:aws:iam::111122223333:role/KarpenterNodeRole", StringComparison.Ordinal);

        Assert.Contains("not the ARN", Single(Problems(yaml), "gpu-slicing-infra:karpenter.existingNodeRole").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chartVersion: 1.14.1")]
    [InlineData("namespace: karpenter")]
    [InlineData("replicas: 2")]
    [InlineData("identity: podIdentity")]
    public void Each_controller_key_is_an_error_naming_karpenter_existing(string entry)
    {
        var key = entry[..entry.IndexOf(':', StringComparison.Ordinal)];

        var problem = Single(Problems(ExistingStacks.WithExistingKarpenter("1.8.1", "plain", "    " + entry)), $"gpu-slicing-infra:karpenter.{key}");

        Assert.Contains("cannot be combined with gpu-slicing-infra:karpenter.existing", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_karpenter_cannot_be_disabled()
    {
        var problem = Single(Problems(ExistingStacks.WithExistingKarpenter("1.8.1", "plain", "    enabled: false")), "gpu-slicing-infra:karpenter.enabled");

        Assert.Contains("cannot be false", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Existing_karpenter_keys_without_karpenter_existing_are_errors()
    {
        var yaml = StackFixtures.MinimalYaml("  gpu-slicing-infra:karpenter:\n    enabled: true\n    existingVersion: \"1.8.1\"");

        Assert.Contains("applies only with", Single(Problems(yaml), "gpu-slicing-infra:karpenter.existingVersion").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_karpenter_needs_an_existing_cluster()
    {
        var yaml = StackFixtures.MinimalYaml("""
              gpu-slicing-infra:karpenter:
                existing: true
                existingVersion: "1.8.1"
                existingNodeRole: KarpenterNodeRole
            """);

        Assert.Contains("set ExistingCluster", Single(Problems(yaml), "gpu-slicing-infra:karpenter.existing").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("overlay-override")]
    [InlineData("overlay-shared")]
    public void Overlay_modes_are_refused_on_a_karpenter_without_node_overlay(string mode)
    {
        // NodeOverlay first shipped in aws/karpenter-provider-aws v1.7.0 (commit e37f4c725, "Add Node Overlay Support").
        var yaml = ExistingStacks.WithExistingKarpenter("1.6.2", mode);
        if (mode == "overlay-shared")
        {
            yaml = yaml.Replace("        replicas: 4", "        replicas: 4\n        renameByDefault: true", StringComparison.Ordinal);
        }

        var problem = Single(Problems(yaml), "gpu-slicing-infra:gpuPools.burst.karpenterMode");

        Assert.Contains("Karpenter 1.6.2 has no NodeOverlay (first in 1.7.0)", problem.Message, StringComparison.Ordinal);
        Assert.Contains("settings.featureGates.nodeOverlay", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.6.2", "plain")]
    [InlineData("1.7.0", "overlay-override")]
    public void Plain_pools_fit_any_v1_karpenter_and_overlays_fit_one_with_node_overlay(string version, string mode)
    {
        var settings = SettingsBinder.Bind(StackFixtures.Inline(ExistingStacks.WithExistingKarpenter(version, mode)));

        Assert.Equal(version, settings.Platform.Karpenter.ExistingVersion);
    }

    [Fact]
    public void A_karpenter_installed_on_an_existing_cluster_must_use_pod_identity()
    {
        var yaml = ExistingStacks.Yaml(ExistingStacks.ManagedPool + "\n  gpu-slicing-infra:karpenter:\n    enabled: true\n    identity: irsa");

        Assert.Contains("Pod Identity", Single(Problems(yaml), "gpu-slicing-infra:karpenter.identity").Message, StringComparison.Ordinal);
    }
}

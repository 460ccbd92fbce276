using GpuSlicingInfra.Review.Plan;
using GpuSlicingInfra.Stacks.StackReview;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Deploy;

/// <summary>
/// Plan says where pulumi up must run (the API endpoint's network path) and reminds that the identity that
/// creates the cluster is already an admin (pulumi-eks 4.3 cluster.ts sets bootstrapClusterCreatorAdminPermissions).
/// </summary>
public sealed class DeployAccessTests
{
    private static IReadOnlyList<PlanWarning> Warnings(GpuSlicingInfra.Stacks.Config.StackConfig config)
    {
        var (settings, program) = ReviewFixtures.Compile(config);
        return ReviewFixtures.Plan(settings, program, FixedClock.Today).Warnings;
    }

    [Fact]
    public void Prod_is_deployed_from_inside_the_vpc()
    {
        var warning = Assert.Single(Warnings(StackFixtures.Shipped("prod")), w => w.Code == DeployAccessPlanWarnings.NetworkCode);

        Assert.StartsWith("the API endpoint is private only: pulumi up and preview must run inside the VPC", warning.Message, StringComparison.Ordinal);
        Assert.Contains("(PULUMI_RUNNER_PROD)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("GitHub-hosted runner cannot reach it", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dev_is_deployed_from_its_allowed_cidr_or_the_vpc()
    {
        var warning = Assert.Single(Warnings(StackFixtures.Shipped("dev")), w => w.Code == DeployAccessPlanWarnings.NetworkCode);

        Assert.StartsWith("the API endpoint admits only 203.0.113.0/24: pulumi up and preview must run from an allowed CIDR or inside the VPC (PULUMI_RUNNER_DEV)", warning.Message, StringComparison.Ordinal);
        Assert.Equal("gpu-slicing-infra:cluster.publicAccessCidrs", warning.KeyPath);
    }

    [Fact]
    public void A_public_only_endpoint_is_reached_from_its_cidrs_alone()
    {
        var config = StackFixtures.Inline(StackFixtures.MinimalYaml("""
              gpu-slicing-infra:cluster:
                endpointPrivateAccess: false
                endpointPublicAccess: true
                publicAccessCidrs: [198.51.100.0/24, 192.0.2.0/24]
            """));

        var warning = Assert.Single(Warnings(config), w => w.Code == DeployAccessPlanWarnings.NetworkCode);

        Assert.StartsWith("the API endpoint admits only 198.51.100.0/24, 192.0.2.0/24: pulumi up and preview must run from an allowed CIDR (PULUMI_RUNNER_TEST)", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Stacks_with_admin_principals_are_reminded_that_the_deployer_is_already_an_admin(string stack)
    {
        var warning = Assert.Single(Warnings(StackFixtures.Shipped(stack)), w => w.Code == DeployAccessPlanWarnings.IdentityCode);

        Assert.Contains("bootstrapClusterCreatorAdminPermissions", warning.Message, StringComparison.Ordinal);
        Assert.Contains("ResourceInUseException (pulumi/pulumi-eks#2373)", warning.Message, StringComparison.Ordinal);
        Assert.Equal("gpu-slicing-infra:cluster.adminPrincipalArns", warning.KeyPath);
    }

    [Fact]
    public void No_admin_principals_no_reminder()
    {
        Assert.DoesNotContain(Warnings(StackFixtures.Inline(StackFixtures.MinimalYaml())), w => w.Code == DeployAccessPlanWarnings.IdentityCode);
    }

    [Theory]
    [InlineData("dev", "PULUMI_RUNNER_DEV")]
    [InlineData("eu-west.prod", "PULUMI_RUNNER_EU_WEST_PROD")]
    public void The_runner_variable_is_a_valid_github_variable_name(string stack, string expected)
    {
        Assert.Equal(expected, DeployAccessPlanWarnings.RunnerVariable(stack));
    }
}

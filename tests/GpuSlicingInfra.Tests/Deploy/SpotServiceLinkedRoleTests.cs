using GpuSlicingInfra.Stacks;
using GpuSlicingInfra.Review.Plan;
using GpuSlicingInfra.Stacks.StackReview;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Deploy;

/// <summary>
/// Karpenter cannot create the account's EC2 Spot service-linked role and buys on-demand while it is missing
/// (karpenter-provider-aws v1.14.1, pkg/providers/instance/instance.go: ServiceLinkedRoleCreationNotPermitted
/// marks spot unavailable). Plan names the pools that need it; cluster.createSpotServiceLinkedRole creates it.
/// </summary>
public sealed class SpotServiceLinkedRoleTests
{
    private const string RoleType = "aws:iam:ServiceLinkedRole";

    private static string DevYaml(bool createRole) =>
        ReviewFixtures.Edit(File.ReadAllText(Path.Combine(RepoPaths.Root, "Pulumi.dev.yaml")),
            "    systemInstanceType: t3.large", createRole ? "    createSpotServiceLinkedRole: true\n    systemInstanceType: t3.large" : "    systemInstanceType: t3.large");

    private static IReadOnlyList<PlanWarning> SpotWarnings(string yaml, string stack)
    {
        var (settings, program) = ReviewFixtures.Compile(StackFixtures.Inline(yaml, stack));
        return [.. ReviewFixtures.Plan(settings, program, FixedClock.Today).Warnings.Where(w => w.Code == SpotRolePlanWarnings.Code)];
    }

    [Fact]
    public void The_switch_adds_the_spot_service_linked_role_under_a_stable_name_retained_on_delete()
    {
        var program = new ParsedProgram(StackProgram.Compile(StackFixtures.Inline(DevYaml(createRole: true), "dev")));

        var name = Assert.Single(program.NamesOfType(RoleType));
        Assert.Equal("spot-service-linked-role", name);
        Assert.Equal("spot.amazonaws.com", ParsedProgram.Scalar(program.Resource(name), "properties.awsServiceName"));
        // Account-wide: tearing one stack down must not take spot away from the rest of the account.
        Assert.Equal("true", ParsedProgram.Scalar(program.Resource(name), "options.retainOnDelete"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_shipped_stacks_do_not_create_the_role(string stack)
    {
        var program = new ParsedProgram(StackProgram.Compile(StackFixtures.Shipped(stack)));

        Assert.Empty(program.NamesOfType(RoleType));
    }

    [Fact]
    public void Plan_names_the_spot_karpenter_pools_and_the_fix()
    {
        var warning = Assert.Single(SpotWarnings(DevYaml(createRole: false), "dev"));

        Assert.StartsWith("pool t4 lets Karpenter buy spot", warning.Message, StringComparison.Ordinal);
        Assert.Contains("AWSServiceRoleForEC2Spot", warning.Message, StringComparison.Ordinal);
        Assert.Contains("launches on-demand", warning.Message, StringComparison.Ordinal);
        Assert.Contains("aws iam create-service-linked-role --aws-service-name spot.amazonaws.com", warning.Message, StringComparison.Ordinal);
        Assert.Equal("gpu-slicing-infra:cluster.createSpotServiceLinkedRole", warning.KeyPath);
    }

    [Fact]
    public void With_the_switch_on_the_spot_pools_get_no_warning()
    {
        Assert.Empty(SpotWarnings(DevYaml(createRole: true), "dev"));
    }

    [Fact]
    public void The_switch_without_a_spot_karpenter_pool_is_a_warning_not_an_error()
    {
        var yaml = ReviewFixtures.Edit(File.ReadAllText(Path.Combine(RepoPaths.Root, "Pulumi.prod.yaml")),
            "    systemInstanceType: m6i.large", "    createSpotServiceLinkedRole: true\n    systemInstanceType: m6i.large");

        var warning = Assert.Single(SpotWarnings(yaml, "prod"));

        Assert.Contains("no pool of this stack lets Karpenter buy spot", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spot_managed_node_group_needs_no_role_of_ours()
    {
        // Auto Scaling's own service-linked role may create AWSServiceRoleForEC2Spot (AutoScalingServiceRolePolicy, EC2SpotManagement).
        const string Yaml = """
            config:
              gpu-slicing-infra:devicePlugin:
                profiles:
                  ts-4:
                    replicas: 4
              gpu-slicing-infra:gpuPools:
                t4:
                  profile: ts-4
                  capacityType: spot
            """;

        Assert.Empty(SpotWarnings(Yaml, "test"));
    }
}

using System.Text.Json.Nodes;
using GpuSlicingInfra.Review;
using GpuSlicingInfra.Review.Plan;
using GpuSlicingInfra.Review.Policy;
using GpuSlicingInfra.Stacks;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Stacks.StackReview;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.ExistingCluster;

/// <summary>What plan and validate say about a stack that joins an existing cluster.</summary>
public sealed class ExistingClusterPlanTests
{
    private static readonly string SampleDir = Path.Combine(RepoPaths.Root, "samples", "ExistingCluster");

    private static (ProgramSnapshot Program, ReviewContext Context) Review(string yaml)
    {
        var settings = SettingsBinder.Bind(StackFixtures.Inline(yaml));
        return (ProgramSnapshot.From(StackProgram.Build(settings), "test"), StackReviewContext.For(settings));
    }

    [Fact]
    public void Plan_text_lists_what_is_added_and_what_is_assumed()
    {
        var result = CliRunner.Run("plan", "--stack", "shared-gpus", "--project-dir", SampleDir);

        Assert.Equal(0, result.ExitCode);
        var text = result.Stdout;
        Assert.Contains("Existing cluster platform-prod: nothing of it is created, modified or imported", text, StringComparison.Ordinal);
        Assert.Contains("Added (15)", text, StringComparison.Ordinal);
        Assert.Contains("1 × aws:eks:NodeGroup: gpu-notebooks-nodes", text, StringComparison.Ordinal);
        Assert.Contains("Assumed (", text, StringComparison.Ordinal);
        Assert.Contains("authentication mode is API or API_AND_CONFIG_MAP", text, StringComparison.Ordinal);
        Assert.Contains("are private subnets of the cluster's VPC", text, StringComparison.Ordinal);
        Assert.Contains("settings.featureGates.nodeOverlay", text, StringComparison.Ordinal);
        // The sample's GPU pools are counted from their raw node group and NodePool.
        Assert.Contains("Pool: notebooks", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plan_names_the_node_subnets_role_and_policies_it_assumes()
    {
        var (program, context) = Review(ExistingStacks.Yaml());

        var existing = Assert.IsType<ExistingClusterPlan>(PlanBuilder.Build(program, context, new DateOnly(2026, 11, 30)).ExistingCluster);

        Assert.Equal("platform-prod", existing.Name);
        Assert.Equal(program.Resources.Select(r => r.Name), existing.Added.Select(a => a.Name));
        Assert.Contains(existing.Assumed, a => a.Contains($"{ExistingStacks.Subnet1}, {ExistingStacks.Subnet2}", StringComparison.Ordinal));
        Assert.Contains(existing.Assumed, a => a.Contains("cluster-node-role holds only AWS managed policies: AmazonEKSWorkerNodePolicy, AmazonEKS_CNI_Policy, AmazonEC2ContainerRegistryPullOnly, AmazonSSMManagedInstanceCore", StringComparison.Ordinal));
        // No Karpenter pools here, so no Karpenter assumption.
        Assert.DoesNotContain(existing.Assumed, a => a.Contains("Karpenter", StringComparison.Ordinal));
    }

    [Fact]
    public void A_karpenter_installed_on_an_existing_cluster_assumes_the_pod_identity_agent()
    {
        var (program, context) = Review(ExistingStacks.Yaml(string.Join('\n',
            "  gpu-slicing-infra:karpenter:",
            "    enabled: true",
            "  gpu-slicing-infra:gpuPools:",
            "    burst:",
            "      instanceTypes: [g6.xlarge]",
            "      profile: ts-4",
            "      provisioner: karpenter",
            "      karpenterMode: overlay-override")));

        var plan = PlanBuilder.Build(program, context, new DateOnly(2026, 11, 30));

        Assert.Contains(plan.ExistingCluster!.Assumed, a => a.Contains("eks-pod-identity-agent add-on is installed", StringComparison.Ordinal));
        // The cluster is not ours: the plan does not claim the controller runs on system nodes of this program.
        Assert.Contains(PlanBuilder.KarpenterNote, plan.Notes);
        Assert.DoesNotContain(PlanBuilder.KarpenterControllerNote, plan.Notes);
    }

    [Fact]
    public void A_program_that_creates_its_cluster_has_no_existing_cluster_section()
    {
        var settings = SettingsBinder.Bind(StackFixtures.Shipped("dev"));

        var plan = PlanBuilder.Build(ProgramSnapshot.From(StackProgram.Build(settings), "dev"), StackReviewContext.For(settings), new DateOnly(2026, 11, 30));

        Assert.Null(plan.ExistingCluster);
        Assert.Contains(PlanBuilder.KarpenterControllerNote, plan.Notes);
    }

    [Fact]
    public void Plan_json_carries_the_existing_cluster_section()
    {
        var json = JsonNode.Parse(CliRunner.Run("plan", "--stack", "shared-gpus", "--project-dir", SampleDir, "--format", "json").Stdout)!;

        Assert.Equal("platform-prod", json["existingCluster"]!["name"]!.GetValue<string>());
        Assert.Equal(15, json["existingCluster"]!["added"]!.AsArray().Count);
        Assert.NotEmpty(json["existingCluster"]!["assumed"]!.AsArray());
    }

    [Fact]
    public void Validate_takes_the_stacks_node_subnets_as_private_but_a_bare_program_cannot()
    {
        var (program, context) = Review(ExistingStacks.Yaml());

        var withStack = PolicyRules.Default.SelectMany(r => r.Check(new PolicyContext(program, context)));
        var alone = PolicyRules.Default.SelectMany(r => r.Check(new PolicyContext(program, ReviewContext.None)));

        Assert.DoesNotContain(withStack, f => f.RuleId == "GSI003");
        // Nothing in the program says those subnets are private: GSI003 flags the node group.
        Assert.Contains(alone, f => f.RuleId == "GSI003" && f.Message.Contains("gpu-t4-nodes", StringComparison.Ordinal));
    }
}

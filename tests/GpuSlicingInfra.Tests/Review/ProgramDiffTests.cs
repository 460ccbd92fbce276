using GpuSlicingInfra.Review.Diff;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Review;

public sealed class ProgramDiffTests
{
    private static readonly string Dev = ReviewFixtures.Shipped("dev").Program;

    private static ProgramDiff Diff(string before, string after) =>
        ProgramDiffer.Compare(ReviewFixtures.Snapshot(before), ReviewFixtures.Snapshot(after));

    [Fact]
    public void The_same_program_has_no_differences()
    {
        Assert.True(Diff(Dev, Dev).IsEmpty);
    }

    [Fact]
    public void A_renamed_resource_is_reported_as_a_rename_not_an_add_and_a_remove()
    {
        // The KMS key gets a new logical name; the cluster's reference follows it.
        var renamed = Dev.Replace("cluster-secrets-key", "cluster-kms-key", StringComparison.Ordinal);

        var diff = Diff(Dev, renamed);

        var rename = Assert.Single(diff.Renamed);
        Assert.Equal(("cluster-secrets-key", "cluster-kms-key", "aws:kms:Key"), (rename.OldName, rename.NewName, rename.Type));
        Assert.Equal(1.0, rename.Similarity);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        var changed = Assert.Single(diff.Changed);
        Assert.Equal("cluster-eks", changed.Name);
        Assert.Equal(["properties.encryptionConfigKeyArn"], changed.Paths);
    }

    private static readonly string Prod = ReviewFixtures.Shipped("prod").Program;

    [Fact]
    public void Changed_properties_are_listed_by_path()
    {
        // prod's inference-t4 node group (3 desired, 6 max; the system group is 3 / 4).
        var bigger = ReviewFixtures.Edit(Prod, "        desiredSize: 3\n        maxSize: 6\n", "        desiredSize: 4\n        maxSize: 8\n");

        var diff = Diff(Prod, bigger);

        var change = Assert.Single(diff.Changed);
        Assert.Equal("gpu-inference-t4-nodes", change.Name);
        Assert.Equal(["properties.scalingConfig.desiredSize", "properties.scalingConfig.maxSize"], change.Paths);
    }

    [Fact]
    public void A_changed_karpenter_node_limit_is_a_change_of_the_nodepool()
    {
        var bigger = ReviewFixtures.Edit(Dev, "          nodes: \"3\"\n", "          nodes: \"5\"\n");

        var diff = Diff(Dev, bigger);

        var change = Assert.Single(diff.Changed);
        Assert.Equal(("karpenter-nodepool-t4", "kubernetes:apiextensions.k8s.io:CustomResource"), (change.Name, change.Type));
        Assert.Equal(["properties.spec.limits.nodes"], change.Paths);
    }

    [Fact]
    public void Resources_of_a_new_pool_are_added_and_unlike_resources_are_not_renames()
    {
        var (_, prod) = ReviewFixtures.Shipped("prod");

        var diff = Diff(Dev, prod);

        // dev has no managed GPU node group, so prod's are new, not renamed from anything.
        Assert.Contains(diff.Added, r => r.Name == "gpu-training-a10g-nodes");
        Assert.Contains(diff.Added, r => r.Name == "gpu-inference-t4-nodes");
        Assert.DoesNotContain(diff.Renamed, r => r.NewName is "gpu-training-a10g-nodes" or "gpu-inference-t4-nodes");
    }

    [Fact]
    public void Plan_against_a_file_reports_a_renamed_resource_as_a_replacement()
    {
        // Given the program as it was before a rename of the GPU pool's EC2NodeClass resource
        var before = Dev.Replace("karpenter-nodeclass-t4", "karpenter-t4-nodeclass", StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"gsi-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, before);
        try
        {
            // When the current dev stack is planned against it
            var result = CliRunner.Run("plan", "--stack", "dev", "--against", file);

            // Then the rename is a replacement, and the NodePool's dependency on it is a change
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("renamed: karpenter-t4-nodeclass → karpenter-nodeclass-t4 (kubernetes:apiextensions.k8s.io:CustomResource), will REPLACE unless an alias is added", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("changed: karpenter-nodepool-t4 (kubernetes:apiextensions.k8s.io:CustomResource): options.dependsOn", result.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("+ added", result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Plan_against_a_missing_file_is_an_input_error()
    {
        var result = CliRunner.Run("plan", "--stack", "dev", "--against", "/nonexistent/program.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("program.yaml", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_against_the_committed_stack_file_compiles_it_from_git()
    {
        var result = CliRunner.Run("plan", "--stack", "dev", "--against-ref", "HEAD", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"against\": \"HEAD:Pulumi.dev.yaml\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Against_and_against_ref_cannot_be_combined()
    {
        var result = CliRunner.Run("plan", "--stack", "dev", "--against", "x.yaml", "--against-ref", "HEAD");

        Assert.Equal(2, result.ExitCode);
    }
}

using GpuSlicingInfra.Stacks.Review.Diff;
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
        Assert.Equal("cluster", changed.Name);
        Assert.Equal(["properties.encryptionConfigKeyArn"], changed.Paths);
    }

    [Fact]
    public void Changed_properties_are_listed_by_path()
    {
        var bigger = ReviewFixtures.Edit(Dev, "        desiredSize: 1\n        maxSize: 2\n", "        desiredSize: 2\n        maxSize: 4\n");

        var diff = Diff(Dev, bigger);

        var change = Assert.Single(diff.Changed);
        Assert.Equal("gpu-t4-nodes", change.Name);
        Assert.Equal(["properties.scalingConfig.desiredSize", "properties.scalingConfig.maxSize"], change.Paths);
    }

    [Fact]
    public void Resources_of_a_new_pool_are_added_and_unlike_resources_are_not_renames()
    {
        var (_, prod) = ReviewFixtures.Shipped("prod");

        var diff = Diff(Dev, prod);

        Assert.Contains(diff.Added, r => r.Name == "gpu-training-a10g-nodes");
        Assert.DoesNotContain(diff.Renamed, r => r.NewName == "gpu-training-a10g-nodes" && r.OldName != "gpu-t4-nodes");
    }

    [Fact]
    public void Plan_against_a_file_reports_a_renamed_resource_as_a_replacement()
    {
        // Given the program as it was before a rename of the GPU pool's launch template
        var before = Dev.Replace("gpu-t4-launch-template", "gpu-t4-template", StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"gsi-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, before);
        try
        {
            // When the current dev stack is planned against it
            var result = CliRunner.Run("plan", "--stack", "dev", "--against", file);

            // Then the rename is a replacement, and the node group's reference is a change
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("renamed: gpu-t4-template → gpu-t4-launch-template (aws:ec2:LaunchTemplate), will REPLACE unless an alias is added", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("changed: gpu-t4-nodes (eks:ManagedNodeGroup): properties.launchTemplate.id, properties.launchTemplate.version.fn::toJSON", result.Stdout, StringComparison.Ordinal);
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

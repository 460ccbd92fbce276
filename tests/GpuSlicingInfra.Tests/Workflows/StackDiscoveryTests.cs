using System.Text.Json;
using GpuSlicingInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Workflows;

/// <summary>
/// The workflows take their stacks from scripts/list-stacks (every Pulumi.&lt;stack&gt;.yaml, in the
/// order of .github/deploy-order), never from a list written into the workflow.
/// </summary>
public sealed class StackDiscoveryTests
{
    private const string Discovered = "${{ fromJSON(needs.stacks.outputs.stacks) }}";

    [Theory]
    [InlineData("preview.yml")]
    [InlineData("deploy.yml")]
    public void Every_matrix_of_the_workflow_is_the_discovered_stack_list(string file)
    {
        var workflow = ParsedProgram.LoadMap(File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", file)));
        var jobs = (YamlMappingNode)workflow["jobs"];

        var list = (YamlMappingNode)jobs["stacks"];
        Assert.Equal("${{ steps.list.outputs.stacks }}", ParsedProgram.Scalar(list, "outputs.stacks"));
        var step = ((YamlSequenceNode)list["steps"]).Cast<YamlMappingNode>().Single(s => ParsedProgram.Has(s, "id"));
        Assert.Equal("echo \"stacks=$(scripts/list-stacks)\" >> \"$GITHUB_OUTPUT\"", ParsedProgram.Scalar(step, "run"));

        var matrixJobs = jobs.Children.Where(j => ParsedProgram.Has(j.Value, "strategy.matrix")).ToList();
        Assert.NotEmpty(matrixJobs);
        foreach (var (name, job) in matrixJobs)
        {
            var matrix = (YamlMappingNode)ParsedProgram.Node(job, "strategy.matrix");
            Assert.True(matrix.Children.Count == 1 && ParsedProgram.Scalar(matrix, "include") == Discovered, $"{file} job {name}: matrix must be only include: {Discovered}");
            var needs = job["needs"] is YamlSequenceNode many ? many.Select(n => n.ToString()) : [job["needs"].ToString()];
            Assert.Contains("stacks", needs);
        }
    }

    [Fact]
    public async Task The_discovery_lists_every_stack_file_of_the_repository_in_deploy_order()
    {
        var files = Directory.GetFiles(RepoPaths.Root, "Pulumi.*.yaml").Select(f => Path.GetFileName(f)["Pulumi.".Length..^".yaml".Length]);

        var stacks = await ListAsync(RepoPaths.Root);

        Assert.Equal(files.Order(StringComparer.Ordinal), stacks.Select(s => s.Stack).Order(StringComparer.Ordinal));
        Assert.Equal([("dev", false), ("prod", true)], stacks.Take(2));
    }

    [Fact]
    public async Task A_new_stack_file_is_deployed_after_the_ordered_stacks_and_an_order_naming_no_file_fails()
    {
        var dir = Directory.CreateTempSubdirectory("gsi-stacks-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, ".github"));
            foreach (var name in new[] { "prod", "dev", "zeta", "alpha" })
            {
                await File.WriteAllTextAsync(Path.Combine(dir.FullName, $"Pulumi.{name}.yaml"), "config: {}\n", TestContext.Current.CancellationToken);
            }
            var order = Path.Combine(dir.FullName, ".github", "deploy-order");
            await File.WriteAllTextAsync(order, "# comment\nprod strict\ndev\n", TestContext.Current.CancellationToken);

            Assert.Equal([("prod", true), ("dev", false), ("alpha", false), ("zeta", false)], await ListAsync(dir.FullName));

            await File.AppendAllTextAsync(order, "staging\n", TestContext.Current.CancellationToken);
            var failed = await ProcessRunner.RunAsync("bash", [Path.Combine(RepoPaths.Root, "scripts", "list-stacks"), dir.FullName], dir.FullName);
            Assert.Equal(1, failed.ExitCode);
            Assert.Contains("names 'staging', but there is no Pulumi.staging.yaml", failed.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<List<(string Stack, bool Strict)>> ListAsync(string projectDir)
    {
        var run = await ProcessRunner.RunAsync("bash", [Path.Combine(RepoPaths.Root, "scripts", "list-stacks"), projectDir], projectDir);
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        return json.RootElement.EnumerateArray().Select(e => (e.GetProperty("stack").GetString()!, e.GetProperty("strict").GetBoolean())).ToList();
    }
}

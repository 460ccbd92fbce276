using GpuSlicingInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Bench;

/// <summary>
/// The benchmark's generated stacks (bench/generate-stack.py, run with python3 as bench/run.sh does)
/// compile: a new validation rule cannot silently break the benchmark again. The resource counts are
/// the ones bench/README.md quotes.
/// </summary>
public sealed class BenchStackTests
{
    [Theory]
    [InlineData(1, 55)]
    [InlineData(10, 81)]
    [InlineData(50, 201)]
    [InlineData(200, 650)]
    public async Task The_generated_stack_compiles_with_every_pool(int pools, int resources)
    {
        var dir = Directory.CreateTempSubdirectory("gsi-bench-");
        try
        {
            var generate = await ProcessRunner.RunAsync("python3",
                [Path.Combine(RepoPaths.Root, "bench", "generate-stack.py"), pools.ToString(System.Globalization.CultureInfo.InvariantCulture), dir.FullName],
                RepoPaths.Root);
            Assert.True(generate.ExitCode == 0, generate.Stderr);

            var output = Path.Combine(dir.FullName, "program.yaml");
            var synth = CliRunner.Run("synth", "--stack", $"bench-{pools}", "--project-dir", dir.FullName, "--out", output);

            Assert.True(synth.ExitCode == 0, $"bench-{pools} does not compile:\n{synth.Stderr}");
            var program = await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken);
            Assert.Equal(resources, ((YamlMappingNode)ParsedProgram.LoadMap(program)["resources"]).Children.Count);
            Assert.All(Enumerable.Range(0, pools), i => Assert.Contains($"gpu-slicing-infra/pool: pool-{i}\n", program, StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.HostileCli;

/// <summary>
/// Issue 14 item 7: two first runs of <c>infra/pulumi-compiler</c> at once (two previews, a CI matrix) both print
/// exactly the program on stdout. Each case builds into its own empty folder, so both runs find no build.
/// </summary>
public sealed class CompilerConcurrencyTests
{
    [Fact]
    public async Task Two_first_runs_at_once_each_print_only_the_program()
    {
        using var box = new Sandbox();
        var environment = new Dictionary<string, string>
        {
            ["GPU_SLICING_INFRA_COMPILER_DIR"] = box.PathOf("compiler"),
            ["PULUMI_STACK"] = "dev",
            ["PULUMI_CONFIG"] = PulumiConfigJson.From(StackFixtures.Shipped("dev")),
        };
        var script = Path.Combine(RepoPaths.Root, "infra", "pulumi-compiler");

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => ProcessRunner.RunAsync("sh", [script], box.Root, environment)));

        var expected = CliRunner.Run("synth", "--stack", "dev").Stdout;
        foreach (var run in runs)
        {
            Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
            Assert.Equal(expected, run.Stdout);
        }
        // One run built; the other waited on the lock and found the build finished.
        Assert.Single(runs, r => r.Stderr.Contains("building the compiler", StringComparison.Ordinal));
    }
}

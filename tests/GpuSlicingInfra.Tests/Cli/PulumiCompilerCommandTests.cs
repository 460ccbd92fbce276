using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Cli;

/// <summary>Runs exactly the compiler command Pulumi.yaml declares, as Pulumi would.</summary>
public sealed class PulumiCompilerCommandTests
{
    [Fact]
    public async Task The_command_in_Pulumi_yaml_prints_only_a_parseable_program_on_stdout()
    {
        var command = CompilerCommand();
        var config = PulumiConfigJson.From(StackFixtures.Shipped("dev"));

        var (exitCode, stdout, stderr) = await RunAsync(command, new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = "dev",
            ["PULUMI_PROJECT"] = "gpu-slicing-infra",
            ["PULUMI_CONFIG"] = config,
        });

        Assert.True(exitCode == 0, $"compiler exited {exitCode}: {stderr}");
        Assert.Equal(CliRunner.Run("synth", "--stack", "dev").Stdout, stdout);
        Assert.Equal("gpu-slicing-infra", ParsedProgram.Scalar(new ParsedProgram(stdout).Root, "name"));
    }

    [Fact]
    public async Task The_command_in_Pulumi_yaml_prints_nothing_on_stdout_for_invalid_config()
    {
        var (exitCode, stdout, stderr) = await RunAsync(CompilerCommand(), new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = "dev",
            ["PULUMI_CONFIG"] = """{"gpu-slicing-infra:nonsense":"1"}""",
        });

        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains("gpu-slicing-infra:nonsense", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_compiler_mode_is_refused_before_anything_is_built()
    {
        var (exitCode, stdout, stderr) = await RunAsync(CompilerCommand(), new Dictionary<string, string>
        {
            ["GPU_SLICING_INFRA_COMPILER_MODE"] = "native",
            ["PULUMI_STACK"] = "dev",
        });

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains("must be aot or jit, not 'native'", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("building", stderr, StringComparison.Ordinal);
    }

    private static string CompilerCommand() =>
        ParsedProgram.Scalar(ParsedProgram.LoadMap(File.ReadAllText(Path.Combine(RepoPaths.Root, "Pulumi.yaml"))), "runtime.options.compiler");

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string command, Dictionary<string, string> environment)
    {
        var result = await ProcessRunner.RunAsync("bash", ["-c", command], RepoPaths.Root, environment);
        return (result.ExitCode, result.Stdout, result.Stderr);
    }
}

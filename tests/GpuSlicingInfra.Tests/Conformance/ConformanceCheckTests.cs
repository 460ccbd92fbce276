using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Conformance;

/// <summary>
/// Every shipped stack and every valid fixture stack compiles to a program that type-checks against the
/// official Pulumi SDK typings and validates against the upstream Karpenter CRDs, device-plugin config
/// format and chart values (tests/conformance/check), and passes the check's engine pass against its own stack
/// file (stack config keys become program names in pulumi-yaml); the sample projects' stacks too. Needs Node.js 20+
/// and npm on PATH.
/// </summary>
public sealed class ConformanceCheckTests
{

    [Fact]
    public async Task Every_shipped_and_fixture_stack_and_the_discovery_program_pass_the_conformance_check()
    {
        var work = Directory.CreateTempSubdirectory("gsi-conformance-");
        try
        {
            var checkArguments = new List<string>();
            foreach (var file in StackFiles())
            {
                var stack = Path.GetFileName(file)["Pulumi.".Length..^".yaml".Length];
                var output = Path.Combine(work.FullName, $"{stack}.yaml");
                var result = CliRunner.Run("synth", "--stack", stack, "--project-dir", Path.GetDirectoryName(file)!, "--out", output);
                Assert.True(result.ExitCode == 0, $"{file} does not compile: {result.Stderr}");
                checkArguments.AddRange([output, "--stack-config", file]);
            }

            // The program Pulumi gets when it runs the compiler without a stack (plugin discovery).
            var discovery = Path.Combine(work.FullName, "plugin-discovery.yaml");
            await File.WriteAllTextAsync(discovery, CliRunner.Run().Stdout, TestContext.Current.CancellationToken);
            checkArguments.Add(discovery);

            var (exitCode, stdout, stderr) = await RunCheckAsync(checkArguments);

            Assert.True(exitCode == 0, $"conformance check failed (exit {exitCode}):\n{stdout}\n{stderr}");
            Assert.Contains("0 problem(s)", stderr, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_check_reports_each_planted_mistake_naming_its_resource()
    {
        var planted = Path.Combine(RepoPaths.Root, "tests", "conformance", "fixtures", "planted.yaml");

        var (exitCode, stdout, _) = await RunCheckAsync([planted]);

        Assert.Equal(1, exitCode);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Contains("resource '", line, StringComparison.Ordinal));
        Assert.True(lines.Length >= 11, $"expected one line per planted mistake (11), got {lines.Length}:\n{stdout}");
    }

    // The shipped stacks, the fixture stacks and every sample project's stacks (samples/*/Pulumi.<stack>.yaml).
    private static IEnumerable<string> StackFiles() =>
        Directory.GetFiles(RepoPaths.Root, "Pulumi.*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "GpuSlicingInfra.Tests", "Fixtures", "Stacks"), "Pulumi.*.yaml"))
            .Concat(Directory.GetDirectories(Path.Combine(RepoPaths.Root, "samples")).SelectMany(d => Directory.GetFiles(d, "Pulumi.*.yaml")))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void The_samples_with_stacks_are_among_the_checked_stacks()
    {
        var checkedStacks = StackFiles().Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/')).ToList();

        Assert.Contains("samples/SharingStrategies/Pulumi.inference.yaml", checkedStacks);
        Assert.Contains("samples/ToolUser/Pulumi.staging.yaml", checkedStacks);
    }

    /// <summary>Runs the check; <paramref name="arguments"/> are programs, each optionally followed by
    /// <c>--stack-config STACK.yaml</c>.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunCheckAsync(IEnumerable<string> arguments)
    {
        var check = Path.Combine(RepoPaths.Root, "tests", "conformance", "check");
        var result = await ProcessRunner.RunAsync("bash", [check, .. arguments], RepoPaths.Root,
            new Dictionary<string, string> { ["GPUSLICING_SHARED_DIR"] = RepoPaths.Shared });
        return (result.ExitCode, result.Stdout, result.Stderr);
    }
}

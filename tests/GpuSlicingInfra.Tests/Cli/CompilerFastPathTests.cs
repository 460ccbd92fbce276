using System.Text.Json.Nodes;
using GpuSlicingInfra.Cli.Cli;
using GpuSlicingInfra.Tests.Support;
using Moq;

namespace GpuSlicingInfra.Tests.Cli;

/// <summary>
/// Pulumi's call (no arguments, or infra/pulumi-compiler's <c>--project-dir</c> with an absolute path) skips the
/// command-line parser; every other command line still goes through it, and both print the same bytes.
/// </summary>
public sealed class CompilerFastPathTests
{
    public static TheoryData<string[]> PulumiCalls => new()
    {
        Array.Empty<string>(),
        new[] { "--project-dir", RepoPaths.Root },
    };

    public static TheoryData<string[]> ParserCalls => new()
    {
        new[] { "--project-dir", "" },
        new[] { "--project-dir", " " },
        new[] { "--project-dir", "relative/folder" },
        new[] { "--project-dir" },
        new[] { $"--project-dir={RepoPaths.Root}" },
        new[] { "--project-dir", RepoPaths.Root, "--verbose" },
        new[] { "--verbose" },
        new[] { "--stack", "dev" },
        new[] { "--help" },
        new[] { "synth" },
        new[] { "--project-dir", "synth" },
    };

    [Theory]
    [MemberData(nameof(PulumiCalls))]
    public void Pulumis_call_takes_the_fast_path(string[] args) => Assert.True(CompilerFastPath.Applies(args));

    [Theory]
    [MemberData(nameof(ParserCalls))]
    public void Every_other_command_line_goes_through_the_parser(string[] args) => Assert.False(CompilerFastPath.Applies(args));

    public static TheoryData<string, string?> Environments => new()
    {
        { "dev", PulumiConfigJson.From(StackFixtures.Shipped("dev")) },
        { "prod", PulumiConfigJson.From(StackFixtures.Shipped("prod")) },
        { "dev", """{"gpu-slicing-infra:nonsense":"1"}""" },
        { "dev", "not json" },
        { "dev", null },
        { "", null },
    };

    // The parser's root command and the fast path share one body; this pins that the exit code, stdout and stderr stay
    // equal for a run, bad config, a missing PULUMI_CONFIG and plugin discovery (no PULUMI_STACK).
    [Theory]
    [MemberData(nameof(Environments))]
    public void The_fast_path_prints_what_the_parser_prints(string stack, string? config)
    {
        var environment = new Dictionary<string, string> { ["PULUMI_STACK"] = stack };
        if (config is not null)
        {
            environment["PULUMI_CONFIG"] = config;
        }
        foreach (var args in PulumiCalls)
        {
            var fast = Run(environment, args, App.Run);
            var parsed = Run(environment, args, App.Parse);

            Assert.Equal(parsed, fast);
        }
    }

    // The JIT build loads an assembly when it first compiles a method that uses it. With System.CommandLine and Spectre
    // removed from a copy of the build, Pulumi's call still compiles the stack, and --help (the parser) fails there.
    [Fact]
    public async Task Pulumis_call_runs_without_the_parser_and_console_assemblies()
    {
        var build = Path.GetDirectoryName(typeof(App).Assembly.Location)!;
        var copy = Directory.CreateTempSubdirectory("fast-path-");
        try
        {
            foreach (var file in RuntimeAssemblies(build).Where(f => !IsParserOrConsole(f)).Append("gpu-slicing-infra.runtimeconfig.json"))
            {
                File.Copy(Path.Combine(build, file), Path.Combine(copy.FullName, file));
            }
            var environment = new Dictionary<string, string>
            {
                ["PULUMI_STACK"] = "dev",
                ["PULUMI_CONFIG"] = PulumiConfigJson.From(StackFixtures.Shipped("dev")),
            };
            var dll = Path.Combine(copy.FullName, "gpu-slicing-infra.dll");

            var compiled = await ProcessRunner.RunAsync("dotnet", [dll, "--project-dir", RepoPaths.Root], RepoPaths.Root, environment);
            var help = await ProcessRunner.RunAsync("dotnet", [dll, "--help"], RepoPaths.Root, environment);

            Assert.True(compiled.ExitCode == 0, compiled.Stderr);
            Assert.Equal(CliRunner.Run("synth", "--stack", "dev").Stdout, compiled.Stdout);
            Assert.NotEqual(0, help.ExitCode);
            Assert.Contains("System.CommandLine", help.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    // The compiler's own assemblies and its packages', as its deps.json lists them; the copy has no deps.json, so the host
    // loads what is in the folder and does not insist on the removed ones.
    private static IEnumerable<string> RuntimeAssemblies(string build)
    {
        var deps = JsonNode.Parse(File.ReadAllText(Path.Combine(build, "gpu-slicing-infra.deps.json")))!;
        return deps["targets"]!.AsObject().Single().Value!.AsObject()
            .SelectMany(library => library.Value!["runtime"]?.AsObject().Select(asset => Path.GetFileName(asset.Key)) ?? [])
            .Distinct(StringComparer.Ordinal);
    }

    private static bool IsParserOrConsole(string file) =>
        file.StartsWith("System.CommandLine", StringComparison.Ordinal) || file.StartsWith("Spectre.Console", StringComparison.Ordinal);

    private static CliRunner.Result Run(Dictionary<string, string> environment, string[] args, Func<string[], CliContext, int> entry)
    {
        var env = new Mock<IEnvironmentReader>(MockBehavior.Strict);
        env.Setup(e => e.Read(It.IsAny<string>())).Returns((string name) => environment.GetValueOrDefault(name));
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = entry(args, new CliContext(stdout, stderr, env.Object, RepoPaths.Root, FixedClock.Instance));
        return new CliRunner.Result(code, stdout.ToString(), stderr.ToString());
    }
}

using System.Text.Json.Nodes;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Cli;

/// <summary><c>plan --program FILE</c> and <c>validate --program FILE</c>: a program reviewed without its stack file.</summary>
public sealed class ProgramFileCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("gsi-program-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string DevProgram()
    {
        var synth = CliRunner.Run("synth", "--stack", "dev");
        Assert.Equal(0, synth.ExitCode);
        return Write("dev.yaml", synth.Stdout);
    }

    [Fact]
    public void Plan_of_a_program_file_shows_its_pools_and_costs_titled_by_the_file()
    {
        var file = DevProgram();

        var result = CliRunner.Run("plan", "--program", file, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var plan = JsonNode.Parse(result.Stdout)!;
        Assert.Equal(file, (string)plan["stack"]!);
        var pool = plan["pools"]!.AsArray().Single()!;
        Assert.Equal(("t4", "karpenter", 30), ((string)pool["pool"]!, (string)pool["provisioner"]!, (int)pool["advertisedSlices"]!["max"]!));
        // The stack's settings warnings (deploy access, Karpenter caveats) need the stack file; the program's own remain.
        var codes = plan["warnings"]!.AsArray().Select(w => (string)w!["code"]!).ToList();
        Assert.Contains("public-endpoint", codes);
        Assert.DoesNotContain("deploy-network", codes);
    }

    [Fact]
    public void Plan_text_of_a_program_file_renders_like_a_stack_plan()
    {
        var result = CliRunner.Run("plan", "--program", DevProgram());

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Pool: t4", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("environment not set", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Validate_of_a_program_file_reports_context_free_findings_by_resource()
    {
        var result = CliRunner.Run("validate", "--program", DevProgram(), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var report = JsonNode.Parse(result.Stdout)!;
        Assert.True((bool)report["passed"]!);
        var finding = report["findings"]!.AsArray().Single()!;
        Assert.Equal(("GSI007", "cluster-eks"), ((string)finding["ruleId"]!, (string)finding["keyPath"]!));
    }

    [Fact]
    public void Validate_of_a_broken_program_file_fails_with_its_findings()
    {
        var file = Write("broken.yaml", ReviewFixtures.Edit(File.ReadAllText(DevProgram()), "httpTokens: required", "httpTokens: optional"));

        var result = CliRunner.Run("validate", "--program", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("GSI002", result.Stdout, StringComparison.Ordinal);
        // A program has no config keys: the column names what the findings hold, the resource.
        Assert.Contains("Resource", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Key path", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("validate")]
    public void A_file_that_is_not_a_program_is_a_clear_error_with_nothing_on_stdout(string command)
    {
        var stackFile = Write("Pulumi.x.yaml", "config:\n  gpu-slicing-infra:environment: dev\n");
        var notYaml = Write("bad.yaml", "resources: [unclosed\n");

        var notProgram = CliRunner.Run(command, "--program", stackFile);
        var invalid = CliRunner.Run(command, "--program", notYaml);
        var missing = CliRunner.Run(command, "--program", Path.Combine(_directory.FullName, "none.yaml"));

        foreach (var result in new[] { notProgram, invalid, missing })
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Equal("", result.Stdout);
        }
        Assert.Contains("not a Pulumi YAML program", notProgram.Stderr, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", invalid.Stderr, StringComparison.Ordinal);
        Assert.Contains("file not found", missing.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan", "--stack", "dev", "--program", "x.yaml")]
    [InlineData("plan")]
    [InlineData("validate", "--stack", "dev", "--program", "x.yaml")]
    [InlineData("validate")]
    [InlineData("plan", "--program", "x.yaml", "--against-ref", "HEAD")]
    public void Both_or_neither_of_stack_and_program_and_against_ref_with_a_program_are_usage_errors(params string[] args)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("--", result.Stderr, StringComparison.Ordinal);
    }
}

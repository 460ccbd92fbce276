using System.Text.Json.Nodes;
using GpuSlicingInfra.Review.Policy;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Cli;

public sealed class ValidateCommandTests
{
    [Theory]
    [InlineData("dev", 1)]
    [InlineData("prod", 0)]
    public void Shipped_stacks_pass_with_warnings_allowed(string stack, int warnings)
    {
        var result = CliRunner.Run("validate", "--stack", stack, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var report = JsonNode.Parse(result.Stdout)!;
        Assert.True((bool)report["passed"]!);
        Assert.Equal(0, (int)report["errors"]!);
        Assert.Equal(warnings, (int)report["warnings"]!);
        Assert.Equal(PolicyRules.Default.Count, (int)report["rulesChecked"]!);
        Assert.Equal(16, PolicyRules.Default.Count);
    }

    [Fact]
    public void Strict_fails_on_the_dev_public_endpoint_warning()
    {
        var result = CliRunner.Run("validate", "--stack", "dev", "--strict");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("GSI007", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 error(s), 1 warning(s)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("FAILED", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prod_stack_without_audit_logs_fails_with_the_rule_and_key_path()
    {
        var result = RunInline("prod", StackFixtures.MinimalYaml("""
              gpu-slicing-infra:environment: prod
              gpu-slicing-infra:cluster:
                logTypes: [api, authenticator]
            """), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        var finding = JsonNode.Parse(result.Stdout)!["findings"]!.AsArray().Single(f => (string)f!["ruleId"]! == "GSI004")!;
        Assert.Equal("error", (string)finding["severity"]!);
        Assert.Equal("gpu-slicing-infra:cluster.logTypes", (string)finding["keyPath"]!);
        Assert.Contains("audit, controllerManager, scheduler", (string)finding["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_errors_are_findings_with_key_paths_and_exit_1()
    {
        var result = RunInline("broken", StackFixtures.MinimalYaml("""
              gpu-slicing-infra:cluster:
                publicAccessCidrs: ["0.0.0.0/0"]
                endpointPublicAccess: true
            """));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CONFIG", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("gpu-slicing-infra:cluster.publicAccessCidrs", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("CKV_AWS_38", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_stack_file_is_an_error_on_stderr()
    {
        var result = CliRunner.Run("validate", "--stack", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("Pulumi.nope.yaml", result.Stderr, StringComparison.Ordinal);
    }

    private static CliRunner.Result RunInline(string stack, string yaml, params string[] extra)
    {
        var directory = Directory.CreateTempSubdirectory("gsi-validate-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, $"Pulumi.{stack}.yaml"), yaml);
            return CliRunner.Run(["validate", "--stack", stack, "--project-dir", directory.FullName, .. extra]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

namespace GpuSlicingInfra.Tests.HostileCli;

/// <summary>
/// Issue 14 item 8, the README's stdout contract: compiler mode and synth print a whole program or nothing;
/// plan and validate print their report on stdout (validate also when it exits 1) and diagnostics on stderr.
/// </summary>
public sealed class StdoutContractTests
{
    private const string Broken = "config:\n  gpu-slicing-infra:nonsense: 1\n";

    [Fact]
    public void Synth_and_compiler_mode_print_nothing_on_stdout_when_they_fail()
    {
        using var box = new Sandbox();
        box.Write("Pulumi.dev.yaml", Broken);

        var synth = box.Cli("synth", "--stack", "dev");
        var compiler = box.Cli("--stack", "dev");

        foreach (var result in new[] { synth, compiler })
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Equal("", result.Stdout);
            Assert.Contains("gpu-slicing-infra:nonsense", result.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_prints_its_report_on_stdout_also_when_it_fails()
    {
        using var box = new Sandbox();
        box.Write("Pulumi.dev.yaml", Broken);

        var result = box.Cli("validate", "--stack", "dev");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("gpu-slicing-infra:nonsense", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith(": FAILED.\n", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Plan_prints_its_report_on_stdout_and_its_errors_on_stderr_only()
    {
        using var box = new Sandbox().WithStack();

        var ok = box.Cli("plan", "--stack", "dev");
        var failed = box.Cli("plan", "--stack", "dev", "--against", box.PathOf("missing.yaml"));

        Assert.Equal(0, ok.ExitCode);
        Assert.StartsWith("Plan for stack dev ", ok.Stdout, StringComparison.Ordinal);
        Assert.Equal("", ok.Stderr);
        Assert.Equal(1, failed.ExitCode);
        Assert.Equal("", failed.Stdout);
        Assert.Contains("missing.yaml", failed.Stderr, StringComparison.Ordinal);
    }
}

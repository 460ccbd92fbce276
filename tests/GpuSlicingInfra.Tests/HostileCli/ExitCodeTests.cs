namespace GpuSlicingInfra.Tests.HostileCli;

/// <summary>Issue 14 item 6: exit codes as the README documents them (2: command line, 1: input).</summary>
public sealed class ExitCodeTests
{
    [Theory]
    [InlineData("synth", "--out")]
    [InlineData("plan", "--against")]
    [InlineData("plan", "--stack")]
    [InlineData("validate", "--project-dir")]
    public void An_empty_option_value_is_a_usage_error(string command, string option)
    {
        string[] args = option == "--stack" ? [command, "--stack", ""] : [command, "--stack", "dev", option, ""];

        // Refused while parsing: nothing is read or written.
        var result = Support.CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains($"{option} needs a value", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Against_a_stack_config_is_bad_input_not_every_resource_added()
    {
        using var box = new Sandbox().WithStack();

        var result = box.Cli("plan", "--stack", "dev", "--against", box.PathOf("Pulumi.dev.yaml"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("not a Pulumi YAML program", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Against_a_directory_says_so()
    {
        using var box = new Sandbox().WithStack();

        var result = box.Cli("plan", "--stack", "dev", "--against", box.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is a directory", result.Stderr, StringComparison.Ordinal);
    }
}

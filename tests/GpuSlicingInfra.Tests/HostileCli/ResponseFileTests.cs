namespace GpuSlicingInfra.Tests.HostileCli;

/// <summary>Issue 14 item 3: an argument starting with <c>@</c> is a value, never a file to expand.</summary>
public sealed class ResponseFileTests
{
    [Fact]
    public void An_at_file_argument_is_not_read()
    {
        using var box = new Sandbox();
        var secrets = box.Write("secrets.txt", "hunter2-password dev\n");

        var result = box.Cli("synth", "--stack", "@" + secrets);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("hunter2", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Contains("is not a stack name", result.Stderr, StringComparison.Ordinal);
    }
}

namespace GpuSlicingInfra.Tests.HostileCli;

/// <summary>Issue 14 item 2: an <c>--against-ref</c> value is only ever a revision, never an option of git.</summary>
public sealed class AgainstRefTests
{
    [Theory]
    [InlineData("--output=pwned")]
    [InlineData("-opwned")]
    public void A_value_that_looks_like_a_git_option_writes_nothing_and_is_bad_input(string revision)
    {
        using var box = Committed();

        var result = box.Cli("plan", "--stack", "dev", $"--against-ref={revision}");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("is not a commit", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(box.PathOf("pwned")));
    }

    [Fact]
    public void A_real_revision_still_compares()
    {
        using var box = Committed();

        var result = box.Cli("plan", "--stack", "dev", "--against-ref", "HEAD");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Changes against HEAD:Pulumi.dev.yaml:\n  none:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_revision_is_a_usage_error()
    {
        using var box = Committed();

        var result = box.Cli("plan", "--stack", "dev", "--against-ref", "");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--against-ref needs a value", result.Stderr, StringComparison.Ordinal);
    }

    internal static Sandbox Committed(string? stackText = null)
    {
        var box = new Sandbox().WithStack();
        if (stackText is not null)
        {
            box.Write("Pulumi.dev.yaml", stackText);
        }
        box.Tool("git", "init", "-q");
        box.Tool("git", "add", "Pulumi.dev.yaml");
        box.Tool("git", "-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "stack");
        if (stackText is not null)
        {
            File.Copy(System.IO.Path.Combine(Support.RepoPaths.Root, "Pulumi.dev.yaml"), box.PathOf("Pulumi.dev.yaml"), overwrite: true);
        }
        return box;
    }
}

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
    public void A_stack_added_since_the_revision_says_so_instead_of_git_s_words()
    {
        using var box = Committed();
        File.Copy(box.PathOf("Pulumi.dev.yaml"), box.PathOf("Pulumi.staging.yaml"));

        var result = box.Cli("plan", "--stack", "staging", "--against-ref", "HEAD");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("Pulumi.staging.yaml does not exist at --against-ref 'HEAD'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("run plan without --against-ref", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("fatal:", result.Stderr, StringComparison.Ordinal);
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

namespace GpuSlicingInfra.Tests.HostileCli;

/// <summary>
/// Issue 14 item 4: stack files, <c>--against</c> files and <c>--against-ref</c> contents go through one bounded reader:
/// only regular files are opened, and size, depth and alias expansion are capped the same way for all three.
/// </summary>
public sealed class BoundedInputTests
{
    // 9 levels of 9 aliases each: about 650 bytes that expand to 9^9 values.
    private static readonly string AliasBomb = "a0: &a0 [x,x,x,x,x,x,x,x,x]\n" + string.Concat(Enumerable.Range(1, 8).Select(i =>
        $"a{i}: &a{i} [{string.Join(',', Enumerable.Repeat($"*a{i - 1}", 9))}]\n"));

    private static readonly string DeepNesting = new string('[', 5000) + new string(']', 5000) + "\n";

    public static TheoryData<string, string> Bombs() => new()
    {
        { "alias bomb", "resources: {}\n" + AliasBomb },
        { "deep nesting", "resources: {}\nx: " + DeepNesting },
        { "self-referencing alias", "resources: &r {a: *r}\n" },
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public void An_against_file_is_bounded_like_a_stack_file(string kind, string text)
    {
        using var box = new Sandbox().WithStack();

        var result = box.Cli("plan", "--stack", "dev", "--against", box.Write("before.yaml", text));

        AssertRefused(result, kind);
    }

    [Theory]
    [MemberData(nameof(Bombs))]
    public void Against_ref_contents_are_bounded_like_a_stack_file(string kind, string text)
    {
        using var box = AgainstRefTests.Committed(text.Replace("resources: ", "config: ", StringComparison.Ordinal));

        var result = box.Cli("plan", "--stack", "dev", "--against-ref", "HEAD");

        AssertRefused(result, kind);
    }

    [Fact]
    public void A_stack_file_linked_to_dev_zero_is_refused_unread()
    {
        using var box = new Sandbox();
        File.CreateSymbolicLink(box.PathOf("Pulumi.dev.yaml"), "/dev/zero");

        var result = box.Cli("synth", "--stack", "dev");

        AssertRefused(result, "link to /dev/zero");
        Assert.Contains("is a symbolic link", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_given_as_against_is_refused_unread()
    {
        using var box = new Sandbox().WithStack();

        AssertRefused(box.Cli("plan", "--stack", "dev", "--against", "/dev/zero"), "/dev/zero");
    }

    [Theory]
    [InlineData("synth", "Pulumi.dev.yaml")]
    [InlineData("plan", "before.yaml")]
    public async Task A_fifo_is_refused_without_waiting_for_a_writer(string command, string fifo)
    {
        using var box = new Sandbox();
        if (command == "plan")
        {
            box.WithStack();
        }
        box.Tool("mkfifo", fifo);
        string[] args = command == "plan" ? ["plan", "--stack", "dev", "--against", box.PathOf(fifo)] : ["synth", "--stack", "dev"];

        var result = await box.CliWithFifoAsync(fifo, args);

        AssertRefused(result, "FIFO");
        Assert.Contains("not a regular file", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused()
    {
        using var box = new Sandbox().WithStack();
        var big = box.Write("before.yaml", "resources: {}\n#" + new string('x', GpuSlicingInfra.Stacks.Config.StackInputLimits.MaxBytes) + "\n");

        var result = box.Cli("plan", "--stack", "dev", "--against", big);

        AssertRefused(result, "5 MiB file");
        Assert.Contains("is larger than 4 MiB", result.Stderr, StringComparison.Ordinal);
    }

    private static void AssertRefused(Support.CliRunner.Result result, string kind)
    {
        Assert.True(result.ExitCode == 1, $"{kind}: exit {result.ExitCode}\n{result.Stderr}");
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}

namespace GpuSlicingInfra.Tests.HostileCli;

/// <summary>Issue 14 item 1: <c>synth --out</c> never writes through a planted path and leaves no temporary file.</summary>
public sealed class OutFileTests
{
    [Fact]
    public void A_link_planted_at_the_old_temporary_name_is_not_followed()
    {
        using var box = new Sandbox().WithStack();
        var victim = box.Write("victim.txt", "precious");
        File.CreateSymbolicLink(box.PathOf("program.yaml.tmp"), victim);

        var result = box.Cli("synth", "--stack", "dev", "--out", box.PathOf("program.yaml"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("precious", File.ReadAllText(victim));
        Assert.StartsWith("name: gpu-slicing-infra\n", File.ReadAllText(box.PathOf("program.yaml")), StringComparison.Ordinal);
        Assert.Equal(["Pulumi.dev.yaml", "program.yaml", "program.yaml.tmp", "victim.txt"], Entries(box));
    }

    [Fact]
    public void A_target_that_is_a_link_is_refused_and_its_destination_kept()
    {
        using var box = new Sandbox().WithStack();
        var victim = box.Write("victim.txt", "precious");
        File.CreateSymbolicLink(box.PathOf("program.yaml"), victim);

        var result = box.Cli("synth", "--stack", "dev", "--out", box.PathOf("program.yaml"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is a symbolic link", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(victim));
        Assert.Equal(victim, new FileInfo(box.PathOf("program.yaml")).LinkTarget);
    }

    [Fact]
    public void A_directory_target_is_refused_and_nothing_is_left_beside_it()
    {
        using var box = new Sandbox().WithStack();
        Directory.CreateDirectory(box.PathOf("out"));

        var result = box.Cli("synth", "--stack", "dev", "--out", box.PathOf("out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is a directory", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["Pulumi.dev.yaml", "out"], Entries(box));
    }

    [Fact]
    public async Task A_fifo_target_is_refused_without_opening_it()
    {
        using var box = new Sandbox().WithStack();
        box.Tool("mkfifo", "pipe");

        var result = await box.CliWithFifoAsync("pipe", "synth", "--stack", "dev", "--out", box.PathOf("pipe"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not a regular file", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["Pulumi.dev.yaml", "pipe"], Entries(box));
    }

    [Fact]
    public void Writing_a_regular_file_twice_replaces_it_and_leaves_no_temporary_file()
    {
        using var box = new Sandbox().WithStack();
        box.Write("program.yaml", "old");

        Assert.Equal(0, box.Cli("synth", "--stack", "dev", "--out", box.PathOf("program.yaml")).ExitCode);
        Assert.Equal(0, box.Cli("synth", "--stack", "dev", "--out", box.PathOf("program.yaml")).ExitCode);

        Assert.StartsWith("name: gpu-slicing-infra\n", File.ReadAllText(box.PathOf("program.yaml")), StringComparison.Ordinal);
        Assert.Equal(["Pulumi.dev.yaml", "program.yaml"], Entries(box));
    }

    private static string[] Entries(Sandbox box) =>
        [.. Directory.GetFileSystemEntries(box.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
}

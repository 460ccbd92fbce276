using System.Runtime.Versioning;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Cli;

/// <summary>
/// infra/pulumi-compiler's rule for when to rebuild (infra/pulumi-compiler-build's header comment), run on a copy of the
/// scripts in a folder of stand-in sources, with a stand-in <c>dotnet</c> whose "build" is a compiler that prints its
/// build number, and a <c>bash</c> that logs each start: an unchanged tree must not start it.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class CompilerScriptRebuildTests : IDisposable
{
    // Logs each call, writes the compiler into the -o folder, and (with FAKE_EDIT) edits a source while it builds.
    private const string FakeDotnet = """
        #!/usr/bin/env bash
        echo build >>"$FAKE_LOG"
        n=0; while read -r _; do n=$((n + 1)); done <"$FAKE_LOG"
        while [ $# -gt 0 ]; do [ "$1" = -o ] && out="$2"; shift; done
        mkdir -p "$out"
        printf '#!/bin/sh\necho build %s\n' "$n" >"$out/gpu-slicing-infra"
        chmod +x "$out/gpu-slicing-infra"
        if [ -n "${FAKE_EDIT:-}" ]; then echo '// edited while building' >>"$FAKE_EDIT"; fi
        """;

    private static readonly string RealBash = new[] { "/bin/bash", "/usr/bin/bash", "/usr/local/bin/bash" }.First(File.Exists);

    private static readonly DateTime LongAgo = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("compiler-script-");

    public CompilerScriptRebuildTests()
    {
        Write("infra/pulumi-compiler", File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "pulumi-compiler")));
        Write("infra/pulumi-compiler-build", File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "pulumi-compiler-build")));
        Write("fake-bin/dotnet", FakeDotnet);
        File.SetUnixFileMode(PathOf("fake-bin/dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Write("fake-bin/bash", $"#!/bin/sh\necho bash >>\"$BASH_LOG\"\nexec {RealBash} \"$@\"\n");
        File.SetUnixFileMode(PathOf("fake-bin/bash"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Write("Directory.Build.props", "<Project />");
        Write("components/A.cs", "class A {}");
        Write("components/Sub/B.cs", "class B {}");
        Write("components/README.md", "docs");
    }

    [Fact]
    public async Task An_unchanged_tree_runs_the_last_build()
    {
        Assert.Equal("build 1", await RunAsync(expectBuild: true));
        Assert.Equal("build 1", await RunAsync(expectBuild: false));
    }

    // Pulumi waits for the script on every preview: an unchanged tree goes from sh straight to the compiler.
    [Fact]
    public async Task An_unchanged_tree_starts_no_bash_and_an_edit_hands_over_to_the_build_script()
    {
        await RunAsync(expectBuild: true);
        File.Delete(PathOf("bash.log"));
        Assert.Equal("build 1", await RunAsync(expectBuild: false));
        Assert.False(File.Exists(PathOf("bash.log")), "an unchanged tree started bash");

        Write("components/A.cs", "class A { int y; }");
        Assert.Equal("build 2", await RunAsync(expectBuild: true));
        Assert.True(File.Exists(PathOf("bash.log")), "an edited tree did not reach the build script");
    }

    // A build from before the quick check existed has none: the build script writes it, and the next run is fast.
    [Fact]
    public async Task A_build_without_a_quick_check_gets_one()
    {
        await RunAsync(expectBuild: true);
        File.Delete(PathOf(".compiler/.current-aot.sh"));
        Assert.Equal("build 1", await RunAsync(expectBuild: false));
        File.Delete(PathOf("bash.log"));
        Assert.Equal("build 1", await RunAsync(expectBuild: false));
        Assert.False(File.Exists(PathOf("bash.log")), "the rewritten quick check did not let the run skip bash");
    }

    [Fact]
    public async Task An_edited_source_rebuilds_and_docs_obj_and_bin_do_not()
    {
        await RunAsync(expectBuild: true);
        Write("components/README.md", "more docs");
        Write("components/obj/Generated.cs", "class G {}");
        Write("components/Sub/bin/Copied.cs", "class C {}");
        Assert.Equal("build 1", await RunAsync(expectBuild: false));

        Write("components/Sub/B.cs", "class B { int x; }");
        Assert.Equal("build 2", await RunAsync(expectBuild: true));
        Write("Directory.Build.props", "<Project><PropertyGroup /></Project>");
        Assert.Equal("build 3", await RunAsync(expectBuild: true));
    }

    // A file that arrives with an old time (a copy that keeps times, an archive) is not newer than the build, but its
    // folder is, and the list it records changed. So do a removal, a rename and a new folder.
    [Fact]
    public async Task Added_removed_and_renamed_sources_rebuild_whatever_their_time()
    {
        await RunAsync(expectBuild: true);
        Write("components/Sub/Old.cs", "class Old {}", LongAgo);
        Assert.Equal("build 2", await RunAsync(expectBuild: true));
        File.Move(PathOf("components/Sub/Old.cs"), PathOf("components/Sub/Renamed.cs"));
        Assert.Equal("build 3", await RunAsync(expectBuild: true));
        File.Delete(PathOf("components/Sub/Renamed.cs"));
        Assert.Equal("build 4", await RunAsync(expectBuild: true));
        Write("components/New/Deep/D.cs", "class D {}", LongAgo);
        Assert.Equal("build 5", await RunAsync(expectBuild: true));
        Assert.Equal("build 5", await RunAsync(expectBuild: false));
    }

    // The stamp's time is the build's start, so an edit saved while the compiler was building is not lost.
    [Fact]
    public async Task An_edit_made_during_a_build_rebuilds_at_the_next_run()
    {
        Assert.Equal("build 1", await RunAsync(expectBuild: true, editDuringBuild: "components/A.cs"));
        Assert.Equal("build 2", await RunAsync(expectBuild: true));
        Assert.Equal("build 2", await RunAsync(expectBuild: false));
    }

    public void Dispose() => _root.Delete(recursive: true);

    private string PathOf(string relative) => Path.Combine(_root.FullName, relative);

    private void Write(string relative, string text, DateTime? time = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), text);
        if (time is { } t)
        {
            File.SetLastWriteTimeUtc(PathOf(relative), t);
        }
    }

    private async Task<string> RunAsync(bool expectBuild, string? editDuringBuild = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = $"{PathOf("fake-bin")}:{Environment.GetEnvironmentVariable("PATH")}",
            ["GPU_SLICING_INFRA_COMPILER_MODE"] = "aot",
            ["GPU_SLICING_INFRA_COMPILER_DIR"] = PathOf(".compiler"),
            ["FAKE_LOG"] = PathOf("builds.log"),
            ["FAKE_EDIT"] = editDuringBuild is null ? "" : PathOf(editDuringBuild),
            ["BASH_LOG"] = PathOf("bash.log"),
        };
        var run = await ProcessRunner.RunAsync("sh", [PathOf("infra/pulumi-compiler")], _root.FullName, environment);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(expectBuild, run.Stderr.Contains("building the compiler", StringComparison.Ordinal));
        return run.Stdout.TrimEnd('\n');
    }
}

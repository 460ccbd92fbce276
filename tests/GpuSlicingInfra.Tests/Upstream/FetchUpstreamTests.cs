using System.Security.Cryptography;
using System.Text;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Upstream;

/// <summary>
/// scripts/fetch-upstream.mjs, run from a throw-away copy of the repository (no shared folder beside
/// it) against a server on 127.0.0.1: the fresh-clone path the tests and the conformance check use.
/// </summary>
public sealed class FetchUpstreamTests : IDisposable
{
    private const string Repository = "example/charts";
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";
    private static readonly byte[] Values = Encoding.UTF8.GetBytes("replicas: 2\n");
    private static readonly byte[] Crd = Encoding.UTF8.GetBytes("kind: CustomResourceDefinition\n");

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("gsi-fetch-");

    public FetchUpstreamTests()
    {
        // work/repo is the clone; work/shared does not exist unless a test creates it.
        var scripts = Directory.CreateDirectory(Path.Combine(RepoRoot, "scripts"));
        File.Copy(Path.Combine(RepoPaths.Root, "scripts", "fetch-upstream.mjs"), Path.Combine(scripts.FullName, "fetch-upstream.mjs"));
        Directory.CreateDirectory(Path.Combine(RepoRoot, "upstream"));
        File.WriteAllText(Path.Combine(RepoRoot, "upstream", "SOURCES.tsv"),
            "# local path, repository, commit, path, sha256\n" +
            $"chart/values.yaml\t{Repository}\t{Commit}\tcharts/chart/values.yaml\t{Sha(Values)}\n" +
            $"chart/crd.yaml\t{Repository}\t{Commit}\tcrds/crd.yaml\t{Sha(Crd)}\n");
    }

    private string RepoRoot => Path.Combine(work.FullName, "repo");

    private string Cache => Path.Combine(RepoRoot, ".upstream-cache");

    public void Dispose() => work.Delete(recursive: true);

    [Fact(Timeout = 60_000)]
    public async Task Without_a_shared_folder_it_downloads_every_listed_file_into_the_cache_and_reuses_it_offline()
    {
        using (var server = new LoopbackServer(Mirror(Values)))
        {
            // Several at once, as parallel test processes do: all succeed, no torn files.
            var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => FetchAsync(server.BaseUrl)));

            Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Stderr));
            Assert.All(runs, run => Assert.Equal(Cache, run.Stdout.Trim()));
        }
        Assert.Equal(Values, await File.ReadAllBytesAsync(Path.Combine(Cache, "upstream", "chart", "values.yaml"), TestContext.Current.CancellationToken));
        Assert.Equal(Crd, await File.ReadAllBytesAsync(Path.Combine(Cache, "upstream", "chart", "crd.yaml"), TestContext.Current.CancellationToken));
        Assert.Empty(Directory.GetFiles(Cache, "*.part", SearchOption.AllDirectories));

        // Server gone: the verified cache is enough.
        var again = await FetchAsync($"http://127.0.0.1:{LoopbackServer.FreePort()}");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(Cache, again.Stdout.Trim());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_file_whose_sha256_differs_from_the_table_fails_naming_the_file_and_url_and_is_not_kept()
    {
        using var server = new LoopbackServer(Mirror(Encoding.UTF8.GetBytes("replicas: 3\n")));

        var run = await FetchAsync(server.BaseUrl);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("upstream/chart/values.yaml", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{server.BaseUrl}/{Repository}/{Commit}/charts/chart/values.yaml", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"expected {Sha(Values)}", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("GPUSLICING_SHARED_DIR", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Cache, "upstream", "chart", "values.yaml")));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unreachable_mirror_gives_one_message_with_the_file_the_url_and_how_to_work_offline()
    {
        var baseUrl = $"http://127.0.0.1:{LoopbackServer.FreePort()}";

        var run = await FetchAsync(baseUrl);

        Assert.Equal(1, run.ExitCode);
        var message = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("cannot download upstream/chart/values.yaml", message, StringComparison.Ordinal);
        Assert.Contains($"from {baseUrl}/{Repository}/{Commit}/charts/chart/values.yaml", message, StringComparison.Ordinal);
        Assert.Contains("ECONNREFUSED", message, StringComparison.Ordinal);
        Assert.Contains("1 more file(s)", message, StringComparison.Ordinal);
        Assert.Contains("GPUSLICING_SHARED_DIR", message, StringComparison.Ordinal);
        Assert.Contains("GPUSLICING_UPSTREAM_BASE", message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_shared_folder_beside_the_clone_is_used_as_is_and_GPUSLICING_SHARED_DIR_comes_first()
    {
        var beside = Directory.CreateDirectory(Path.Combine(work.FullName, "shared", "upstream")).Parent!.FullName;
        var explicitDir = Directory.CreateDirectory(Path.Combine(work.FullName, "elsewhere", "upstream")).Parent!.FullName;
        var unreachable = $"http://127.0.0.1:{LoopbackServer.FreePort()}";

        var besideRun = await FetchAsync(unreachable);
        var explicitRun = await FetchAsync(unreachable, explicitDir);
        var missingRun = await FetchAsync(unreachable, Path.Combine(work.FullName, "nothing"));

        Assert.Equal((0, beside), (besideRun.ExitCode, besideRun.Stdout.Trim()));
        Assert.Equal((0, explicitDir), (explicitRun.ExitCode, explicitRun.Stdout.Trim()));
        Assert.Equal(1, missingRun.ExitCode);
        Assert.Contains(Path.Combine(work.FullName, "nothing", "upstream") + " does not exist", missingRun.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Cache));
    }

    private static Dictionary<string, byte[]> Mirror(byte[] values) => new()
    {
        [$"{Repository}/{Commit}/charts/chart/values.yaml"] = values,
        [$"{Repository}/{Commit}/crds/crd.yaml"] = Crd,
    };

    private Task<ProcessRunner.Result> FetchAsync(string baseUrl, string sharedDir = "") =>
        ProcessRunner.RunAsync("node", [Path.Combine(RepoRoot, "scripts", "fetch-upstream.mjs")], work.FullName,
            new Dictionary<string, string> { ["GPUSLICING_SHARED_DIR"] = sharedDir, ["GPUSLICING_UPSTREAM_BASE"] = baseUrl });

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

using System.Diagnostics;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.HostileCli;

/// <summary>A fresh temporary folder for one hostile case: every file it plants, reads or writes lies inside it.</summary>
internal sealed class Sandbox : IDisposable
{
    public Sandbox()
    {
        Directory.CreateDirectory(Root);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"gsi-hostile-{Guid.NewGuid():N}");

    public string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>Copies a shipped stack file in, so commands run with <c>--project-dir</c> on this folder.</summary>
    public Sandbox WithStack(string stack = "dev")
    {
        File.Copy(Path.Combine(RepoPaths.Root, $"Pulumi.{stack}.yaml"), PathOf($"Pulumi.{stack}.yaml"));
        return this;
    }

    public string Write(string name, string text)
    {
        File.WriteAllText(PathOf(name), text);
        return PathOf(name);
    }

    /// <summary>The CLI in-process against this folder's stack files.</summary>
    public CliRunner.Result Cli(params string[] args) => CliRunner.Run([.. args, "--project-dir", Root]);

    /// <summary>
    /// The CLI with a time limit, for a case with a FIFO: on time-out the FIFO is opened for reading and writing
    /// (never blocks on Linux), which releases a CLI blocked opening it, and the case fails.
    /// </summary>
    public async Task<CliRunner.Result> CliWithFifoAsync(string fifo, params string[] args)
    {
        var run = Task.Run(() => Cli(args), TestContext.Current.CancellationToken);
        if (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)) != run)
        {
            using (new FileStream(PathOf(fifo), FileMode.Open, FileAccess.ReadWrite))
            {
            }
            Assert.Fail($"the CLI hung on the FIFO {fifo}: {string.Join(' ', args)}");
        }
        return await run;
    }

    /// <summary>Runs a tool (git, mkfifo) in this folder; it must succeed.</summary>
    public void Tool(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(30_000), $"{file} did not finish");
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)}: {stderr.Result}");
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

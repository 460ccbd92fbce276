using System.Diagnostics;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary>Reads a file as it was at a git revision (<c>git show REV:PATH</c>), for <c>plan --against-ref</c>.</summary>
internal static class GitShow
{
    /// <exception cref="IOException">When git is missing or the file does not exist at that revision.</exception>
    public static string Read(string repositoryDirectory, string revision, string path)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = repositoryDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Arguments as a list: a revision is never interpreted by a shell.
        foreach (var argument in new[] { "show", $"{revision}:./{path}" })
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start) ?? throw new IOException("could not start git.");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new IOException($"git show {revision}:{path} failed: {stderr.Result.Trim()}");
            }
            return stdout;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new IOException($"--against-ref needs git on PATH: {e.Message}", e);
        }
    }
}

using System.Diagnostics;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary>Reads a file as it was at a git revision, for <c>plan --against-ref</c>.</summary>
internal static class GitShow
{
    /// <exception cref="IOException">When git is missing, the revision is not a commit, or the file does not exist there (said in words, not git's).</exception>
    /// <exception cref="ConfigException">When the file is too large or not UTF-8.</exception>
    public static string Read(string repositoryDirectory, string revision, string path)
    {
        // The revision is resolved to a commit id first and every revision argument follows --end-of-options, so a
        // value such as --output=FILE is never read as an option of git.
        var commit = Run(repositoryDirectory, ["rev-parse", "--verify", "--quiet", "--end-of-options", $"{revision}^{{commit}}"],
            stdout => stdout.ReadToEnd().Trim(),
            _ => $"--against-ref '{StackInputLimits.Printable(revision)}' is not a commit of the repository at '{StackInputLimits.Printable(repositoryDirectory, 500)}'.");
        var source = $"{StackInputLimits.Printable(revision)}:{path}";
        // A stack added since that commit is the common case of a missing file; git's own words ("exists on disk,
        // but not in <sha>") do not say what to do about it.
        _ = Run(repositoryDirectory, ["cat-file", "-e", "--end-of-options", $"{commit}:./{path}"],
            _ => "",
            _ => $"{StackInputLimits.Printable(path)} does not exist at --against-ref '{StackInputLimits.Printable(revision)}' (commit {commit[..Math.Min(commit.Length, 12)]}): a stack added since then has nothing to compare against; run plan without --against-ref.");
        return Run(repositoryDirectory, ["show", "--end-of-options", $"{commit}:./{path}"],
            stdout => BoundedInput.ReadStream(stdout.BaseStream, source),
            stderr => $"git show {source} failed: {StackInputLimits.Printable(stderr.Trim(), 500)}");
    }

    private static string Run(string directory, string[] arguments, Func<StreamReader, string> readStdout, Func<string, string> failure)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Arguments as a list: a revision is never interpreted by a shell.
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new IOException("could not start git.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new IOException($"--against-ref needs git on PATH: {e.Message}", e);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            try
            {
                var output = readStdout(process.StandardOutput);
                process.WaitForExit();
                return process.ExitCode == 0 ? output : throw new IOException(failure(stderr.Result));
            }
            finally
            {
                // An output over the limit stops the read early: git must not outlive it.
                if (!process.HasExited)
                {
                    process.Kill();
                }
            }
        }
    }
}

using System.Security.Cryptography;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary>Writes a finished program: to a file, or to stdout in one write so Pulumi never reads half a program.</summary>
internal static class ProgramOutput
{
    /// <exception cref="IOException">The target is a directory, a link or not a regular file, or cannot be written.</exception>
    public static void Write(string program, string? outFile, TextWriter stdout)
    {
        if (outFile is null)
        {
            stdout.Write(program);
            stdout.Flush();
            return;
        }
        var target = Path.GetFullPath(outFile);
        CheckReplaceable(target, outFile);
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        // Written beside the target under a fresh random name, created exclusively (never through a planted file or
        // link), then renamed over the target: a reader never sees a partial file and no temporary file stays behind.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
            {
                writer.Write(program);
            }
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // Only a regular file is replaced. .NET reports no file type, and FIFOs and devices (/dev/null, /dev/tty) report
    // length 0: an existing target of length 0 is refused rather than guessed at.
    private static void CheckReplaceable(string target, string given)
    {
        var shown = StackInputLimits.Printable(given, 500);
        var info = new FileInfo(target);
        if (info.LinkTarget is not null)
        {
            throw new IOException($"--out '{shown}' is a symbolic link; it is not followed or replaced. Pass a regular file path.");
        }
        if (Directory.Exists(target))
        {
            throw new IOException($"--out '{shown}' is a directory; pass a file path.");
        }
        if (info.Exists && info.Length == 0)
        {
            throw new IOException($"--out '{shown}' exists but is empty or not a regular file (a FIFO or a device); remove it or pass another path.");
        }
    }
}

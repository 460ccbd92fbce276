namespace GpuSlicingInfra.Cli.Commands;

/// <summary>Writes a finished program: to a file, or to stdout in one write so Pulumi never reads half a program.</summary>
internal static class ProgramOutput
{
    public static void Write(string program, string? outFile, TextWriter stdout)
    {
        if (outFile is null)
        {
            stdout.Write(program);
            stdout.Flush();
            return;
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(outFile));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        // Write beside the target, then move: a reader never sees a partial file.
        var temporary = outFile + ".tmp";
        File.WriteAllText(temporary, program);
        File.Move(temporary, outFile, overwrite: true);
    }
}

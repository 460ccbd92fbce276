using GpuSlicingInfra.Review;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary>Reads a program file (<c>--program</c>, <c>--against</c>) with the bounded reader of every input.</summary>
internal static class ProgramFile
{
    /// <exception cref="IOException">Unreadable, too large, not YAML within the bounds, or not a Pulumi YAML program.</exception>
    public static ProgramSnapshot Read(string path)
    {
        string text;
        try
        {
            text = BoundedInput.ReadFile(path, path);
        }
        catch (ConfigException e)
        {
            // Reported as a bad program file, not as stack config.
            throw new IOException(string.Join("; ", e.Problems), e);
        }
        return ProgramSnapshot.Parse(text, path);
    }
}

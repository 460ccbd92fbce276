using GpuSlicingInfra.Review;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary>Reads a program file (<c>--program</c>, <c>--against</c>) with the bounds of every YAML input.</summary>
internal static class ProgramFile
{
    /// <exception cref="IOException">Unreadable, too large, not YAML within the bounds, or not a Pulumi YAML program.</exception>
    public static ProgramSnapshot Read(string path)
    {
        try
        {
            var text = BoundedInput.ReadFile(path, path);
            // A program from another commit or a pull request is input too: the same bounds as a stack file.
            StackInputLimits.CheckYamlShape(text, path);
            return ProgramSnapshot.Parse(text, path);
        }
        catch (ConfigException e)
        {
            // Reported as a bad program file, not as stack config.
            throw new IOException(string.Join("; ", e.Problems), e);
        }
    }
}

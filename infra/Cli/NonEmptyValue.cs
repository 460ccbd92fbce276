using System.CommandLine;

namespace GpuSlicingInfra.Cli.Cli;

/// <summary>
/// An option given with an empty value (<c>--out ''</c>) is a command-line mistake (exit 2), not a path or revision
/// to try: an empty path would resolve to the working directory and an empty revision is no revision.
/// </summary>
internal static class NonEmptyValue
{
    public static Option<T> Required<T>(Option<T> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
            {
                result.AddError($"{option.Name} needs a value; it was given an empty one.");
            }
        });
        return option;
    }
}

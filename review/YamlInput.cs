namespace GpuSlicingInfra.Review;

/// <summary>
/// The bounds of every YAML input (program files, stack files, a program from another commit): size, nesting,
/// duplicate keys and what aliases expand to, checked on the event stream before a node tree exists, so hostile
/// or broken input ends as one clear <see cref="YamlInputException"/> instead of a crash.
/// </summary>
public static class YamlInput
{
    /// <summary>Largest YAML text read, in characters (real programs are some tens of KiB).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Deepest nesting of maps and lists accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>Most values (keys and scalars included) an input may hold once its aliases are expanded.</summary>
    public const int MaxValues = 400_000;

    /// <summary>Checks <paramref name="text"/> against the bounds.</summary>
    /// <exception cref="YamlInputException">Too large, not valid YAML, too deep, a duplicate key or an alias bomb.</exception>
    public static void Check(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxBytes)
        {
            throw new YamlInputException(source, $"is larger than {MaxBytes / (1024 * 1024)} MiB; a program or stack file is far smaller.");
        }
        new YamlShape(source).Check(text);
    }
}

/// <summary>A YAML input is out of bounds or not valid YAML (<see cref="YamlInput.Check"/>).</summary>
public sealed class YamlInputException : IOException
{
    /// <summary>The problem with <paramref name="input"/>.</summary>
    public YamlInputException(string input, string detail) : base($"{input}: {detail}")
    {
        Input = input;
        Detail = detail;
    }

    /// <summary>The input's name, e.g. a file name.</summary>
    public string Input { get; }

    /// <summary>What is wrong with it.</summary>
    public string Detail { get; }
}

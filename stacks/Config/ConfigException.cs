namespace GpuSlicingInfra.Stacks.Config;

/// <summary>Stack config could not be read or is invalid; carries every problem found.</summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates the exception with all problems.</summary>
    public ConfigException(IReadOnlyList<ConfigProblem> problems)
        : base(string.Join("\n", problems))
    {
        Problems = problems;
    }

    /// <summary>One problem.</summary>
    public ConfigException(string keyPath, string message) : this([new ConfigProblem(keyPath, message)]) { }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ConfigProblem> Problems { get; }
}

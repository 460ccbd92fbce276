namespace GpuSlicingInfra.Cli.Cli;

/// <summary>Reads process environment variables (a seam for tests).</summary>
public interface IEnvironmentReader
{
    /// <summary>The variable's value, or null when unset.</summary>
    string? Read(string name);
}

/// <summary>The real process environment.</summary>
public sealed class ProcessEnvironment : IEnvironmentReader
{
    /// <inheritdoc />
    public string? Read(string name) => Environment.GetEnvironmentVariable(name);
}

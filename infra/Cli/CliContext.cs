namespace GpuSlicingInfra.Cli.Cli;

/// <summary>Everything a command touches outside the process: streams, environment, working directory.</summary>
/// <param name="Out">stdout: the program (or report) and nothing else.</param>
/// <param name="Error">stderr: errors, warnings, logs.</param>
/// <param name="Environment">Environment variables.</param>
/// <param name="WorkingDirectory">Where stack files are looked up by default.</param>
/// <param name="Clock">The time: plan prices the Kubernetes support phase of the current day.</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, IEnvironmentReader Environment, string WorkingDirectory, TimeProvider Clock)
{
    /// <summary>Today in UTC.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
}

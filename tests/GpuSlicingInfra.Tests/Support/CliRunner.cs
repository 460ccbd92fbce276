using GpuSlicingInfra.Cli.Cli;
using Moq;

namespace GpuSlicingInfra.Tests.Support;

/// <summary>Runs the command line in-process with captured streams and a fake environment.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var env = new Mock<IEnvironmentReader>(MockBehavior.Strict);
        env.Setup(e => e.Read(It.IsAny<string>())).Returns((string name) => environment?.GetValueOrDefault(name));
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = App.Run(args, new CliContext(stdout, stderr, env.Object, RepoPaths.Root, FixedClock.Instance));
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    public static Result Run(params string[] args) => Run(null, args);
}

namespace GpuSlicingInfra.Components;

/// <summary>Thrown by a component whose args are invalid; carries every problem found.</summary>
public sealed class ArgsValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="argsType"/> with all its problems.</summary>
    public ArgsValidationException(string argsType, IReadOnlyList<ArgsProblem> problems)
        : base($"Invalid {argsType}:\n  " + string.Join("\n  ", problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ArgsProblem> Problems { get; }

    /// <summary>Throws when <paramref name="problems"/> is not empty.</summary>
    public static void ThrowIfAny(string argsType, IReadOnlyList<ArgsProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new ArgsValidationException(argsType, problems);
        }
    }
}

namespace GpuSlicingInfra.Stacks.Config;

/// <summary>
/// The top-level keys a Pulumi stack file may hold: the fields of pulumi/pulumi's
/// <c>workspace.ProjectStack</c> (<c>sdk/go/common/workspace/project.go</c>). Pulumi silently drops any
/// other key, so a config key indented one level too little would vanish: here it is an error.
/// </summary>
internal static class StackFileSections
{
    /// <summary>The config section.</summary>
    public const string Config = "config";

    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        Config, "secretsprovider", "encryptedkey", "encryptionsalt", "environment", "mainEnvironment",
    };

    /// <summary>The problem with a top-level key, or null when Pulumi reads it.</summary>
    public static ConfigProblem? Check(string key) => Allowed.Contains(key)
        ? null
        : new ConfigProblem(key, key.Contains(':', StringComparison.Ordinal)
            ? "is outside 'config:', where Pulumi ignores it; indent it under 'config:'."
            : $"is not a stack file section; Pulumi ignores it. Allowed: {string.Join(", ", Allowed.Order(StringComparer.Ordinal))}.");
}

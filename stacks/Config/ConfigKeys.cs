namespace GpuSlicingInfra.Stacks.Config;

/// <summary>Rules on full config keys (<c>namespace:key</c>) shared by the stack file reader and the binder.</summary>
internal static class ConfigKeys
{
    /// <summary>The prefix of this project's keys.</summary>
    public const string Prefix = StackConfig.ProjectNamespace + ":";

    /// <summary>Whether a full key belongs to this project.</summary>
    public static bool IsOurs(string key) => key.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>
    /// A key without a namespace. Pulumi gives it the project's namespace when it loads the stack file
    /// (pulumi/pulumi <c>workspace/loaders.go</c>, <c>stackConfigNamespacedWithProject</c>), so compiler mode
    /// would accept what synth cannot see as ours: it is an error in both.
    /// </summary>
    public static ConfigProblem Unnamespaced(string key) =>
        new(key, $"config keys must be namespaced; Pulumi reads this one as '{Prefix}{key}': write it that way.");
}

namespace GpuSlicingInfra.Components.Program;

/// <summary>
/// The program names that stack config takes. Pulumi YAML makes every stack config key a node of the
/// program graph, the project's own namespace stripped (<c>gpu-slicing-infra:cluster</c> is
/// <c>${cluster}</c>, <c>aws:region</c> stays <c>${aws:region}</c>): pulumi-yaml
/// <c>pkg/pulumiyaml/run.go</c> <c>getConfNodesFromMap</c>. Config nodes are sorted first and
/// <c>sort.go</c> <c>checkUniqueNode</c> raises nothing when a resource or variable has the same name, so
/// that resource is silently never registered. The program model therefore refuses such names.
/// </summary>
public sealed class StackConfigNames
{
    /// <summary>The name pulumi-yaml reserves for <c>${pulumi.stack}</c>, <c>${pulumi.project}</c>…</summary>
    public const string Reserved = "pulumi";

    private readonly Dictionary<string, string> _keyByName = new(StringComparer.Ordinal);

    /// <summary>Maps each key to its program name.</summary>
    /// <param name="project">The project name, which is also its config namespace.</param>
    /// <param name="keys">Config keys, bare (<c>cluster</c>, read as the project's own, as the Pulumi CLI does) or namespaced.</param>
    /// <exception cref="ArgumentException">A blank key.</exception>
    public StackConfigNames(string project, IEnumerable<string> keys)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        ArgumentNullException.ThrowIfNull(keys);
        var prefix = project + ":";
        foreach (var key in keys)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(key, nameof(keys));
            var name = key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..] : key;
            _keyByName.TryAdd(name, name.Contains(':', StringComparison.Ordinal) ? name : prefix + name);
        }
    }

    /// <summary>The stack config key that becomes program name <paramref name="name"/>, or null.</summary>
    public string? KeyFor(string name) => _keyByName.GetValueOrDefault(name);
}

using System.Text.RegularExpressions;

namespace GpuSlicingInfra.Components.Program;

/// <summary>
/// A whole Pulumi YAML program: config declarations, variables, resources and outputs, kept in the
/// order they were added so the written program is stable and reads top-down.
/// </summary>
public sealed partial class PulumiProgram
{
    private readonly List<Resource> _resources = [];
    private readonly Dictionary<string, Resource> _resourcesByName = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, ConfigDeclaration>> _config = [];
    private readonly List<KeyValuePair<string, Expr>> _variables = [];
    private readonly List<KeyValuePair<string, Expr>> _outputs = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly StackConfigNames _stackConfigNames;
    private readonly Stack<ComponentIdentity> _components = new();

    /// <summary>Starts an empty program.</summary>
    /// <param name="project">The Pulumi project name (the <c>name</c> key and the config namespace).</param>
    /// <param name="stackConfigKeys">
    /// Every stack config key the project accepts (<c>cluster</c> or <c>project:cluster</c> for the project's
    /// own namespace, <c>aws:region</c> for another). The engine makes each one a program name, so no
    /// resource or variable may take it; see <see cref="StackConfigNames"/>. Pass an empty list for a
    /// project without config.
    /// </param>
    /// <param name="description">A one-line description. Default: none.</param>
    /// <exception cref="ArgumentException">A blank project name or config key.</exception>
    public PulumiProgram(string project, IEnumerable<string> stackConfigKeys, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        ArgumentNullException.ThrowIfNull(stackConfigKeys);
        Project = project;
        Description = description;
        _stackConfigNames = new StackConfigNames(project, stackConfigKeys);
    }

    /// <summary>The Pulumi project name.</summary>
    public string Project { get; }

    /// <summary>The description, if any.</summary>
    public string? Description { get; }

    /// <summary>Resources in the order they were added.</summary>
    public IReadOnlyList<Resource> Resources => _resources;

    /// <summary>Config declarations in the order they were added.</summary>
    public IReadOnlyList<KeyValuePair<string, ConfigDeclaration>> Config => _config;

    /// <summary>Variables in the order they were added.</summary>
    public IReadOnlyList<KeyValuePair<string, Expr>> Variables => _variables;

    /// <summary>Stack outputs in the order they were added.</summary>
    public IReadOnlyList<KeyValuePair<string, Expr>> Outputs => _outputs;

    /// <summary>The resource with this logical name.</summary>
    public Resource? FindResource(string name) => _resourcesByName.GetValueOrDefault(name);

    /// <summary>Declares a config key the program references as <c>${key}</c>.</summary>
    /// <exception cref="InvalidOperationException">The name is taken or reserved.</exception>
    public Output<T> DeclareConfig<T>(string key, ConfigDeclaration declaration)
    {
        // A declaration and a stack config key of the same name are one engine node, by design.
        Claim(key, "config key", configNode: true);
        _config.Add(KeyValuePair.Create(key, declaration));
        return new Output<T>(new ReferenceExpr(key));
    }

    /// <summary>Adds a variable, e.g. an <c>fn::invoke</c> result shared by several resources.</summary>
    /// <exception cref="InvalidOperationException">The name is taken, reserved or a stack config name.</exception>
    public Output<T> AddVariable<T>(string name, Expr value)
    {
        Claim(name, "variable");
        _variables.Add(KeyValuePair.Create(name, value));
        return new Output<T>(new ReferenceExpr(name));
    }

    /// <summary>Adds a stack output.</summary>
    public void AddOutput(string name, Expr value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_outputs.Any(o => o.Key == name))
        {
            throw new InvalidOperationException($"The program already has an output named '{name}'.");
        }
        _outputs.Add(KeyValuePair.Create(name, value));
    }

    /// <summary>
    /// Starts a component: every resource added until the returned scope is disposed records
    /// <paramref name="kind"/> and <paramref name="name"/> as its owner (the innermost open component).
    /// </summary>
    /// <param name="kind">The component's kind, e.g. <c>Cluster</c>.</param>
    /// <param name="name">
    /// The component's name, e.g. <c>cluster</c>: the prefix of its resources' logical names. Empty for a root
    /// component whose resources carry bare names (the shipped stacks' platform).
    /// </param>
    /// <returns>The scope; dispose it when the component has added its resources.</returns>
    /// <exception cref="ArgumentException">A blank kind, or a name of only white space.</exception>
    public IDisposable BeginComponent(string kind, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > 0 && string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A component name is empty (a root component) or has a non-blank character.", nameof(name));
        }
        var identity = new ComponentIdentity(kind, name);
        _components.Push(identity);
        return new ComponentScope(this, identity);
    }

    /// <summary>The innermost open component; null outside every component.</summary>
    internal ComponentIdentity? CurrentComponent => _components.TryPeek(out var top) ? top : null;

    private void EndComponent(ComponentIdentity identity)
    {
        // Scopes close in reverse order; anything else is a component that forgot to dispose an inner one.
        if (!_components.TryPeek(out var top) || !ReferenceEquals(top, identity))
        {
            throw new InvalidOperationException($"Component scope '{identity}' closed out of order.");
        }
        _components.Pop();
    }

    private sealed class ComponentScope(PulumiProgram program, ComponentIdentity identity) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                program.EndComponent(identity);
            }
        }
    }

    internal void Add(Resource resource)
    {
        Claim(resource.Name, "resource");
        _resources.Add(resource);
        _resourcesByName.Add(resource.Name, resource);
    }

    private void Claim(string name, string kind, bool configNode = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name == StackConfigNames.Reserved)
        {
            throw new InvalidOperationException(
                $"Cannot add {kind} '{name}': the Pulumi YAML engine reserves that name for ${{pulumi.stack}} and friends (pulumi-yaml sort.go checkUniqueNode).");
        }
        if (!configNode && name.Contains(':', StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Cannot add {kind} '{name}': a name with ':' is how the engine names config of another namespace (e.g. aws:region), so it could be shadowed by stack config.");
        }
        if (!configNode && !ProgramName().IsMatch(name))
        {
            throw new InvalidOperationException(
                $"Cannot add {kind} '{name}': use ASCII letters, digits, '_' and '-' only; the engine reads '.', '[', '}}' and '\"' in ${{{name}}} as property access (pulumi-yaml ast/property.go parsePropertyAccess).");
        }
        if (!configNode && _stackConfigNames.KeyFor(name) is { } key)
        {
            throw new InvalidOperationException(
                $"Cannot add {kind} '{name}': stack config key '{key}' is the program name '{name}', and the engine would read the config value instead of registering the {kind} (pulumi-yaml run.go getConfNodesFromMap). Choose another name.");
        }
        if (!_names.Add(name))
        {
            throw new InvalidOperationException(
                $"Cannot add {kind} '{name}': the program already has a resource, variable or config key with that name.");
        }
    }

    [GeneratedRegex(@"\A[A-Za-z0-9_][A-Za-z0-9_-]*\z")]
    private static partial Regex ProgramName();
}

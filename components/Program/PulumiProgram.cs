namespace GpuSlicingInfra.Components.Program;

/// <summary>
/// A whole Pulumi YAML program: config declarations, variables, resources and outputs, kept in the
/// order they were added so the written program is stable and reads top-down.
/// </summary>
public sealed class PulumiProgram
{
    private readonly List<Resource> _resources = [];
    private readonly Dictionary<string, Resource> _resourcesByName = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, ConfigDeclaration>> _config = [];
    private readonly List<KeyValuePair<string, Expr>> _variables = [];
    private readonly List<KeyValuePair<string, Expr>> _outputs = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Starts an empty program.</summary>
    /// <param name="project">The Pulumi project name (the <c>name</c> key).</param>
    /// <param name="description">A one-line description. Default: none.</param>
    public PulumiProgram(string project, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        Project = project;
        Description = description;
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
    public Output<T> DeclareConfig<T>(string key, ConfigDeclaration declaration)
    {
        Claim(key, "config key");
        _config.Add(KeyValuePair.Create(key, declaration));
        return new Output<T>(new ReferenceExpr(key));
    }

    /// <summary>Adds a variable, e.g. an <c>fn::invoke</c> result shared by several resources.</summary>
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

    internal void Add(Resource resource)
    {
        Claim(resource.Name, "resource");
        _resources.Add(resource);
        _resourcesByName.Add(resource.Name, resource);
    }

    private void Claim(string name, string kind)
    {
        if (!_names.Add(name))
        {
            throw new InvalidOperationException(
                $"Cannot add {kind} '{name}': the program already has a resource, variable or config key with that name.");
        }
    }
}

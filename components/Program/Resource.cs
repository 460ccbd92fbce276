namespace GpuSlicingInfra.Components.Program;

/// <summary>
/// One resource of the program: a logical name (its URN name, a public contract), a type token,
/// typed inputs and options. Creating it adds it to the program.
/// </summary>
public abstract class Resource
{
    /// <summary>Adds the resource to <paramref name="program"/>.</summary>
    /// <param name="program">The program that owns the resource.</param>
    /// <param name="name">The logical name; unique in the program.</param>
    /// <param name="type">The Pulumi type token, e.g. <c>aws:iam:Role</c>.</param>
    /// <param name="args">The typed inputs; written as <c>properties</c>.</param>
    /// <param name="options">Resource options; default: none.</param>
    protected Resource(PulumiProgram program, string name, string type, object args, ResourceOptions? options)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(args);
        Name = name;
        Type = type;
        Args = args;
        Options = options ?? new ResourceOptions();
        Component = program.CurrentComponent;
        program.Add(this);
    }

    /// <summary>The logical name (the name part of the URN).</summary>
    public string Name { get; }

    /// <summary>The type token.</summary>
    public string Type { get; }

    /// <summary>The component that added this resource (see <see cref="PulumiProgram.BeginComponent"/>); null when none did.</summary>
    public ComponentIdentity? Component { get; }

    /// <summary>The typed inputs.</summary>
    public object Args { get; }

    /// <summary>The resource options.</summary>
    public ResourceOptions Options { get; }

    /// <summary>The provider plugin version this resource is pinned to; null for explicitly-provided resources.</summary>
    public virtual string? PluginVersion => null;

    /// <summary><c>${name}</c>: the resource itself (for <c>dependsOn</c>, <c>provider</c> and component inputs).</summary>
    public ReferenceExpr Reference => new(Name);

    /// <summary>The <c>id</c> output.</summary>
    public Output<string> Id => Output<string>("id");

    /// <summary>A typed output of this resource.</summary>
    protected Output<T> Output<T>(string property) => new(Reference.Property(property));

    /// <summary>The inputs as the <c>properties</c> map.</summary>
    public MapExpr Properties => ValueConverter.ToExpr(Args) as MapExpr ?? new MapExpr([]);
}

namespace GpuSlicingInfra.Components.Program;

/// <summary>
/// The component that added a resource: its kind (the C# component class, e.g. <c>Cluster</c>) and the
/// name it was given. Plan groups resources by it. It is not written into the program: Pulumi YAML has no
/// component resources of ours, and a <c>parent</c> option would change every URN.
/// </summary>
/// <param name="Kind">The component's kind, e.g. <c>GpuNodePool</c>.</param>
/// <param name="Name">The name the component was given, e.g. <c>gpu-t4</c>; empty for a root component whose resources carry bare names.</param>
public sealed record ComponentIdentity(string Kind, string Name)
{
    /// <summary><c>Kind name</c>, e.g. <c>GpuNodePool gpu-t4</c>; the kind alone for a root component.</summary>
    public override string ToString() => Name.Length == 0 ? Kind : $"{Kind} {Name}";
}

namespace GpuSlicingInfra.Components.Program;

/// <summary>An earlier identity of a resource: its old logical name and, when it changed, its old type.</summary>
/// <param name="Name">The previous logical name.</param>
/// <param name="Type">The previous type token. Default: unchanged.</param>
public sealed record ResourceAlias(string Name, string? Type = null);

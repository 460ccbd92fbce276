namespace GpuSlicingInfra.Components.Program;

/// <summary>
/// The exact key a property or enum member has in the provider schema, where the camelCase form
/// of the CLR name is not it (e.g. <c>ON_DEMAND</c>, <c>kubernetes.io/arch</c>).
/// </summary>
/// <param name="name">The key written into the program.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PulumiNameAttribute(string name) : Attribute
{
    /// <summary>The key written into the program.</summary>
    public string Name { get; } = name;
}

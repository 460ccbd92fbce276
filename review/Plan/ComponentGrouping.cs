namespace GpuSlicingInfra.Review.Plan;

/// <summary>
/// Groups a program's resources by the component that added them (<see cref="ProgramResource.Component"/>,
/// recorded when the program was built). Resources without an owner, and every resource of a parsed
/// file, fall in one group, <see cref="Unowned"/>.
/// </summary>
public static class ComponentGrouping
{
    /// <summary>The label of the group of resources no component owns.</summary>
    public const string Unowned = "other";

    /// <summary>The groups, in order of each component's first resource.</summary>
    public static IReadOnlyList<ComponentGroup> Group(ProgramSnapshot program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return [.. program.Resources
            .GroupBy(r => r.Component)
            .Select(g => new ComponentGroup(g.Key?.ToString() ?? Unowned, g.Key?.Name ?? "", [.. g.Select(r => new PlannedResource(r.Name, r.Type))]))];
    }
}

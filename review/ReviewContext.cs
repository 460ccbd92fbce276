using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Review.Plan;

namespace GpuSlicingInfra.Review;

/// <summary>
/// What the program alone cannot tell a review, supplied by whoever built it (the stack layer for a stack
/// file; nothing for a bare program file). Every member is optional: <see cref="None"/> reviews a program
/// on what it says.
/// </summary>
public sealed record ReviewContext
{
    /// <summary>No context: a program file reviewed on its own.</summary>
    public static ReviewContext None { get; } = new();

    /// <summary>The environment, e.g. <c>prod</c> (prod-only rules apply only when it is <c>prod</c>). Default: unknown.</summary>
    public string? Environment { get; init; }

    /// <summary>The stack name, shown as the plan's title. Default: the program's source.</summary>
    public string? StackName { get; init; }

    /// <summary>The AWS region, shown in the plan. Default: not set.</summary>
    public string? Region { get; init; }

    /// <summary>
    /// Turns the setting a finding is about into the config key a user edits. The review names the setting
    /// by the component args' path it derives from the resource (e.g. <c>GpuPools[t4].CapacityType</c> for a
    /// node group labelled pool t4, <c>Cluster.LogTypes</c> for the cluster). Default: none; findings then
    /// point at the resource's logical name, and plan warnings at no key.
    /// </summary>
    public Func<string, string>? ConfigKeyOf { get; init; }

    /// <summary>USD per hour per instance type that replace the list prices (other regions, discounts, spot). Default: none.</summary>
    public IReadOnlyDictionary<string, decimal> PriceOverrides { get; init; } = new Dictionary<string, decimal>();

    /// <summary>
    /// The GPU instance types the program's pools may use: GPUs, GPU memory, max pods and list prices come from here.
    /// Default: <see cref="GpuInstanceCatalog.BuiltIn"/>; a stack gives its own with its <c>instanceCatalog</c>, so a
    /// program file reviewed alone reports a type only that stack describes as unknown (no GPUs, no price).
    /// </summary>
    public GpuInstanceCatalog InstanceCatalog { get; init; } = GpuInstanceCatalog.BuiltIn;

    /// <summary>Plan warnings the caller adds after the built-in ones (<see cref="PlanWarningRules.Default"/>). Default: none.</summary>
    public IReadOnlyList<IPlanWarningRule> ExtraWarningRules { get; init; } = [];

    /// <summary>
    /// Subnet ids the stack declares private that its program cannot show as such: an existing cluster's node subnets
    /// (<c>cluster.existing.nodeSubnetIds</c>), which node groups and EC2NodeClasses name by id. Default: none; a program
    /// reviewed alone then gets GSI003 for them, since nothing in it says they are private.
    /// </summary>
    public IReadOnlyList<string> DeclaredPrivateSubnetIds { get; init; } = [];

    /// <summary>Whether this is a production environment.</summary>
    public bool IsProd => Environment == "prod";

    /// <summary>The config key of <paramref name="setting"/>, or, without <see cref="ConfigKeyOf"/>, <paramref name="resource"/>.</summary>
    public string? KeyPath(string setting, string? resource = null) => ConfigKeyOf is { } resolve ? resolve(setting) : resource;
}

namespace GpuSlicingInfra.Components.Tenancy;

/// <summary>
/// One tenant: a namespace, the GPU pools its pods may run on and its quota in slices. Cross-checks against the
/// pools (names, advertised resources) are <see cref="TenancyProblems"/>'s.
/// </summary>
public sealed record TenantOptions
{
    /// <summary>Tenant name: a DNS label, used in logical names and object names.</summary>
    public required string Name { get; init; }

    /// <summary>The tenant's namespace. Default: null, the tenant's name.</summary>
    public string? Namespace { get; init; }

    /// <summary>The namespace the tenant's pods run in.</summary>
    public string EffectiveNamespace => Namespace ?? Name;

    /// <summary>Labels on the namespace, besides <see cref="TenantLabels.Tenant"/>. Default: none.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Annotations on the namespace, besides <see cref="TenantLabels.Pools"/>. Default: none.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>Names of the GPU pools the tenant's GPU pods may select. Default: none, which validation refuses: name at least one.</summary>
    public IReadOnlyList<string> Pools { get; init; } = [];

    /// <summary>Quota in slices per extended resource (<c>nvidia.com/gpu.shared: 8</c>). Default: none, no quota.</summary>
    public IReadOnlyDictionary<string, int> Slices { get; init; } = new Dictionary<string, int>();
}

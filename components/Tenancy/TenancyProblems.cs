using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Validation;

namespace GpuSlicingInfra.Components.Tenancy;

/// <summary>The tenants' problems that depend on the rest of the stack: pool names and the resources those pools advertise.</summary>
public static class TenancyProblems
{
    /// <summary>Every problem, each naming its field under <c>Tenants[name]</c>.</summary>
    public static IReadOnlyList<ArgsProblem> Of(IReadOnlyList<TenantOptions> tenants, IReadOnlyList<GpuPoolOptions> pools, IReadOnlyList<SharingProfileOptions> profiles)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        ArgumentNullException.ThrowIfNull(pools);
        ArgumentNullException.ThrowIfNull(profiles);
        var problems = new List<ArgsProblem>();
        foreach (var (tenant, index) in tenants.Select((t, i) => (t, i)))
        {
            var path = $"Tenants[{tenant.Name}]";
            if (!Naming.IsDnsLabel(tenant.Name))
            {
                problems.Add(new(path, $"'{tenant.Name}' must be a DNS label (lower-case alphanumerics and '-'): it names the tenant's objects."));
            }
            if (!Naming.IsDnsLabel(tenant.EffectiveNamespace))
            {
                problems.Add(new($"{path}.{nameof(TenantOptions.Namespace)}", $"'{tenant.EffectiveNamespace}' is not a valid namespace name (a DNS label)."));
            }
            if (tenants.Take(index).FirstOrDefault(t => t.EffectiveNamespace == tenant.EffectiveNamespace) is { } other)
            {
                problems.Add(new($"{path}.{nameof(TenantOptions.Namespace)}", $"namespace '{tenant.EffectiveNamespace}' already belongs to tenant '{other.Name}'; each tenant needs its own."));
            }
            problems.AddRange(ConfigRules.KubernetesLabels(tenant.Labels, $"{path}.{nameof(TenantOptions.Labels)}", [TenantLabels.Tenant, TenantLabels.NamespaceName]));
            problems.AddRange(AnnotationProblems(tenant.Annotations, $"{path}.{nameof(TenantOptions.Annotations)}"));
            problems.AddRange(PoolProblems(tenant, pools, profiles).Select(p => p.Under(path)));
        }
        return problems;
    }

    // Annotation keys follow label key syntax; values are kept to printable ASCII, so a pasted control character or
    // look-alike digit is caught here rather than written onto the namespace.
    private static IEnumerable<ArgsProblem> AnnotationProblems(IReadOnlyDictionary<string, string> annotations, string field)
    {
        // An empty value passes the label value check, leaving only the key's.
        foreach (var problem in ConfigRules.KubernetesLabels(annotations.ToDictionary(a => a.Key, _ => ""), field, [TenantLabels.Pools]))
        {
            yield return problem;
        }
        foreach (var (key, value) in annotations)
        {
            if (value.Any(c => c is < ' ' or > '~'))
            {
                yield return new($"{field}[{key}]", "annotation values here are printable ASCII, without control characters.");
            }
        }
    }

    private static IEnumerable<ArgsProblem> PoolProblems(TenantOptions tenant, IReadOnlyList<GpuPoolOptions> pools, IReadOnlyList<SharingProfileOptions> profiles)
    {
        if (tenant.Pools.Count == 0)
        {
            yield return new(nameof(TenantOptions.Pools), "must name at least one GPU pool the tenant's pods may use.");
        }
        var advertised = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in tenant.Pools.Distinct())
        {
            if (pools.FirstOrDefault(p => p.Name == name) is not { } pool)
            {
                yield return new(nameof(TenantOptions.Pools), $"'{name}' is not a GPU pool ({string.Join(", ", pools.Select(p => p.Name).Order(StringComparer.Ordinal))}).");
            }
            else if (profiles.FirstOrDefault(p => p.Name == pool.Profile) is { } profile)
            {
                advertised.UnionWith(PoolResources.PerGpu(pool, profile).Keys);
            }
        }
        if (tenant.Pools.Distinct().Count() != tenant.Pools.Count)
        {
            yield return new(nameof(TenantOptions.Pools), "names a pool twice.");
        }
        // Without every pool known, what they advertise is unknown too: a finding on the quota would only echo the one on pools.
        if (tenant.Pools.Count == 0 || tenant.Pools.Any(n => !pools.Any(p => p.Name == n)))
        {
            yield break;
        }
        foreach (var (resource, count) in tenant.Slices)
        {
            if (count < 0)
            {
                yield return new($"{nameof(TenantOptions.Slices)}[{resource}]", $"{count} is negative; give 0 or more slices.");
            }
            if (!advertised.Contains(resource))
            {
                yield return new($"{nameof(TenantOptions.Slices)}[{resource}]",
                    $"'{resource}' is not advertised by the tenant's pools ({(advertised.Count == 0 ? "none" : string.Join(", ", advertised))}), so a quota on it grants nothing.");
            }
        }
    }
}

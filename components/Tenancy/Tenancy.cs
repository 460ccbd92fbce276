using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Kubernetes;

namespace GpuSlicingInfra.Components.Tenancy;

/// <summary>
/// Tenants of the GPU pools, enforced by Kubernetes itself: per tenant a namespace, a ResourceQuota in slices and a
/// ValidatingAdmissionPolicy with its binding (the guard rails of <see cref="TenantGuardRails"/>); optionally the two
/// priority classes of <see cref="TenantPriorityClasses"/>. No controller runs for any of it.
/// </summary>
public sealed class Tenancy
{
    /// <summary>Adds, per tenant <c>t</c>: <c>{name}-t-namespace</c>, <c>{name}-t-quota</c> (with slices), <c>{name}-t-policy</c>, <c>{name}-t-policy-binding</c>.</summary>
    /// <param name="program">The program to add to.</param>
    /// <param name="name">The logical name prefix.</param>
    /// <param name="kubernetesProvider">The cluster's Kubernetes provider.</param>
    /// <param name="options">Validation actions and priority classes.</param>
    /// <param name="tenants">The tenants (at least one).</param>
    /// <param name="pools">The stack's GPU pools.</param>
    /// <param name="profiles">The stack's sharing profiles.</param>
    /// <exception cref="ArgsValidationException">The tenants or options are invalid.</exception>
    public Tenancy(PulumiProgram program, string name, Resource kubernetesProvider, TenancyOptions options, IReadOnlyList<TenantOptions> tenants,
        IReadOnlyList<GpuPoolOptions> pools, IReadOnlyList<SharingProfileOptions> profiles)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(kubernetesProvider);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tenants);
        ArgsValidationException.ThrowIfAny(nameof(TenancyOptions), [.. options.Validate(), .. TenancyProblems.Of(tenants, pools, profiles)]);
        using var component = program.BeginComponent(nameof(Tenancy), name);
        // Fixed object names: a replacement reuses the name, so the old object goes first.
        var fixedName = new ResourceOptions { Provider = kubernetesProvider, DeleteBeforeReplace = true };
        if (options.PriorityClasses)
        {
            TenantPriorityClasses.Add(program, name, fixedName);
        }
        foreach (var tenant in tenants)
        {
            AddTenant(program, $"{name}-{tenant.Name}", tenant, options, pools, profiles, fixedName);
        }
    }

    private static void AddTenant(PulumiProgram program, string name, TenantOptions tenant, TenancyOptions options,
        IReadOnlyList<GpuPoolOptions> pools, IReadOnlyList<SharingProfileOptions> profiles, ResourceOptions fixedName)
    {
        var ns = tenant.EffectiveNamespace;
        var namespaceResource = new K8sNamespace(program, $"{name}-namespace", new NamespaceArgs
        {
            Metadata = new ObjectMeta
            {
                Name = ns,
                Labels = Map(tenant.Labels.Append(new(TenantLabels.Tenant, tenant.Name))),
                Annotations = Map(tenant.Annotations.Append(new(TenantLabels.Pools, string.Join(",", tenant.Pools)))),
            },
        }, fixedName);
        var inNamespace = fixedName with { DependsOn = [namespaceResource] };
        if (tenant.Slices.Count > 0)
        {
            // Extended resources take only requests.<name> quota items (kubernetes.io/docs/concepts/policy/resource-quotas,
            // "Resource quota for extended resources"): their requests always equal their limits.
            _ = new ResourceQuota(program, $"{name}-quota", new ResourceQuotaArgs
            {
                Metadata = new ObjectMeta { Name = "gpu-slices", Namespace = ns, Labels = Map([new(TenantLabels.Tenant, tenant.Name)]) },
                Spec = new ResourceQuotaSpec(new(tenant.Slices.ToDictionary(s => $"requests.{s.Key}", s => s.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), StringComparer.Ordinal)),
            }, inNamespace);
        }

        var facts = tenant.Pools.Select(p => pools.First(g => g.Name == p)).Select(p => (p, profiles.First(f => f.Name == p.Profile)))
            .Select(x => (x.p.Name, (IReadOnlyList<string>)[.. PoolResources.PerGpu(x.p, x.Item2).Keys], PoolResources.OneSlicePerContainer(x.Item2)))
            .ToList();
        var policyName = $"gpu-slicing-infra-tenant-{tenant.Name}";
        var policy = new ValidatingAdmissionPolicy(program, $"{name}-policy", new ValidatingAdmissionPolicyArgs
        {
            Metadata = new ObjectMeta { Name = policyName },
            Spec = new ValidatingAdmissionPolicySpec(
                "Fail",
                new AdmissionMatchResources { ResourceRules = [new([""], ["v1"], ["CREATE", "UPDATE"], ["pods"])] },
                // A pod's scheduling constraints and resources are fixed once created, except that a pod still held by
                // scheduling gates may gain nodeSelector and affinity terms: only those updates are checked again.
                [new("created-or-still-gated", "request.operation == 'CREATE' || (has(oldObject.spec.schedulingGates) && size(oldObject.spec.schedulingGates) > 0)")],
                TenantGuardRails.Variables(facts),
                TenantGuardRails.Validations(tenant.Name, tenant.Pools)),
        }, fixedName);
        _ = new ValidatingAdmissionPolicyBinding(program, $"{name}-policy-binding", new ValidatingAdmissionPolicyBindingArgs
        {
            Metadata = new ObjectMeta { Name = policyName },
            Spec = new ValidatingAdmissionPolicyBindingSpec(policyName, [.. options.ValidationActions.Select(a => a.ToString())],
                new AdmissionMatchResources { NamespaceSelector = new LabelSelector(new(StringComparer.Ordinal) { [TenantLabels.NamespaceName] = ns }) }),
        }, fixedName with { DependsOn = [policy] });
    }

    private static InputMap<string> Map(IEnumerable<KeyValuePair<string, string>> entries) => entries.ToDictionary(e => e.Key, e => e.Value);
}

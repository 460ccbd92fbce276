using GpuSlicingInfra.Components.Providers.Kubernetes;

namespace GpuSlicingInfra.Components.Tenancy;

/// <summary>
/// The CEL of one tenant's ValidatingAdmissionPolicy. Design: one policy per tenant whose variables hold that tenant's
/// facts (allowed pools, what each advertises, which take one slice per container), bound to the tenant's namespace
/// only. The facts change only with the stack, so they live in the policy itself: no params kind, no ConfigMap to
/// keep in step, and a stack change shows up as a diff of the policy.
/// Pods are read as the API server hands them over: quantities are canonical strings (<c>"1"</c>, <c>"2"</c>).
/// </summary>
internal static class TenantGuardRails
{
    // Every NVIDIA extended resource counts as a GPU request: nvidia.com/gpu, nvidia.com/gpu.shared, nvidia.com/mig-*.
    private const string IsGpu = "k.startsWith('nvidia.com/')";

    public static IReadOnlyList<AdmissionVariable> Variables(IReadOnlyList<(string Pool, IReadOnlyList<string> Resources, bool OneSlice)> pools)
    {
        var pool = WellKnownKeys.PoolLabel;
        var spec = "object.spec";
        var affinity = $"{spec}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution";
        var poolTerm = $"has(t.matchExpressions) && t.matchExpressions.exists(e, e.key == '{pool}' && e.operator == 'In' && has(e.values) && ";
        return
        [
            new("allowedPools", List(pools.Select(p => p.Pool))),
            new("poolResources", "{" + string.Join(", ", pools.Select(p => $"'{p.Pool}': {List(p.Resources)}")) + "}"),
            new("oneSlicePools", List(pools.Where(p => p.OneSlice).Select(p => p.Pool))),
            // Init containers hold their GPU slices while they run, so they are held to the same rules.
            new("containers", $"{spec}.containers + (has({spec}.initContainers) ? {spec}.initContainers : [])"),
            new("gpuContainers", $"variables.containers.filter(c, has(c.resources) && (" +
                $"(has(c.resources.limits) && c.resources.limits.exists(k, {IsGpu})) || (has(c.resources.requests) && c.resources.requests.exists(k, {IsGpu}))))"),
            new("selectedPool", $"has({spec}.nodeSelector) && '{pool}' in {spec}.nodeSelector ? {spec}.nodeSelector['{pool}'] : ''"),
            new("affinityTerms", $"has({spec}.affinity) && has({spec}.affinity.nodeAffinity) && has({affinity}) ? {affinity}.nodeSelectorTerms : []"),
            // A nodeSelector names one pool; otherwise every required term (they are ORed) must keep the pod to allowed pools.
            new("confined", "variables.selectedPool != '' ? variables.selectedPool in variables.allowedPools : " +
                $"size(variables.affinityTerms) > 0 && variables.affinityTerms.all(t, {poolTerm}e.values.all(p, p in variables.allowedPools)))"),
            // The allowed pools the pod can land on.
            new("targets", "variables.selectedPool != '' ? variables.allowedPools.filter(p, p == variables.selectedPool) : " +
                $"variables.allowedPools.filter(p, variables.affinityTerms.exists(t, {poolTerm}p in e.values)))"),
        ];
    }

    public static IReadOnlyList<AdmissionValidation> Validations(string tenant, IReadOnlyList<string> allowedPools)
    {
        var pools = string.Join(", ", allowedPools);
        var noGpu = "size(variables.gpuContainers) == 0";
        var atMostOne = EachGpuKey(map => $"string(c.resources.{map}[k]) in ['0', '1']");
        return
        [
            new($"{noGpu} || variables.confined",
                $"pods of tenant {tenant} that request GPU resources must select one of its pools ({pools}) with nodeSelector or required node affinity (operator In) on {WellKnownKeys.PoolLabel}.",
                $"variables.selectedPool != '' ? 'pool ' + variables.selectedPool + ' is not one tenant {tenant} may use ({pools}); select one of those with {WellKnownKeys.PoolLabel}.' : " +
                $"'pods of tenant {tenant} that request GPU resources must select one of its pools ({pools}) with nodeSelector or required node affinity (operator In) on {WellKnownKeys.PoolLabel}.'",
                "Forbidden"),
            // The device plugin's failRequestsGreaterThanOne fails such a container on the node; here it fails at admission.
            new($"{noGpu} || !variables.targets.exists(p, p in variables.oneSlicePools) || variables.gpuContainers.all(c, {atMostOne})",
                "a container asks for more than one GPU slice on a pool that allows one per container (its profile's failRequestsGreaterThanOne).",
                $"'container ' + variables.gpuContainers.filter(c, !({atMostOne})).map(c, c.name).join(', ') + ' asks for more than one GPU slice; pool ' + " +
                "variables.targets.filter(p, p in variables.oneSlicePools).join(', ') + ' allows one per container (its profile sets failRequestsGreaterThanOne).'",
                "Invalid"),
            new($"{noGpu} || size(variables.targets) == 0 || variables.targets.exists(p, variables.gpuContainers.all(c, {EachGpuKey(_ => "k in variables.poolResources[p]")}))",
                "the pod asks for a GPU resource its pool does not advertise.",
                "'the pod asks for a GPU resource its pool does not advertise: ' + " +
                "variables.targets.map(p, 'pool ' + p + ' advertises ' + variables.poolResources[p].join(', ')).join('; ') + '. Ask for that resource instead.'",
                "Invalid"),
        ];
    }

    // True when every GPU resource in container c's limits and requests meets the condition (k is the resource name).
    private static string EachGpuKey(Func<string, string> condition) =>
        $"(!has(c.resources.limits) || c.resources.limits.all(k, !({IsGpu}) || {condition("limits")})) && " +
        $"(!has(c.resources.requests) || c.resources.requests.all(k, !({IsGpu}) || {condition("requests")}))";

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(i => $"'{i}'")) + "]";
}

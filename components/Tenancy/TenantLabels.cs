namespace GpuSlicingInfra.Components.Tenancy;

/// <summary>
/// The metadata keys a tenant's objects carry: components write them, and review reads the tenants back from any
/// program through them.
/// </summary>
public static class TenantLabels
{
    /// <summary>Label on a tenant's namespace and quota naming the tenant.</summary>
    public const string Tenant = "gpu-slicing-infra/tenant";

    /// <summary>Annotation on a tenant's namespace: the pools it may use, comma-separated.</summary>
    public const string Pools = "gpu-slicing-infra/pools";

    /// <summary>
    /// The label Kubernetes sets on every namespace to its name (immutable, since 1.22): the bindings select the
    /// tenant's namespace with it.
    /// </summary>
    public const string NamespaceName = "kubernetes.io/metadata.name";
}

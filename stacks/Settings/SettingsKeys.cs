namespace GpuSlicingInfra.Stacks.Settings;

/// <summary>Top-level config keys of the project namespace.</summary>
public static class SettingsKeys
{
    /// <summary><c>environment</c>: dev, prod, …; prod turns on protection by default.</summary>
    public const string Environment = "environment";

    /// <summary><c>protect</c>: protect stateful resources.</summary>
    public const string Protect = "protect";

    /// <summary><c>tags</c>: tags on every resource.</summary>
    public const string Tags = "tags";

    /// <summary><c>network</c>.</summary>
    public const string Network = "network";

    /// <summary><c>cluster</c>.</summary>
    public const string Cluster = "cluster";

    /// <summary><c>devicePlugin</c>.</summary>
    public const string DevicePlugin = "devicePlugin";

    /// <summary><c>karpenter</c>.</summary>
    public const string Karpenter = "karpenter";

    /// <summary><c>monitoring</c>: GPU metrics (the DCGM exporter).</summary>
    public const string Monitoring = "monitoring";

    /// <summary><c>tenants</c>: who may use the GPU pools, and how much (namespaces, quotas, guard rails).</summary>
    public const string Tenants = "tenants";

    /// <summary><c>tenancy</c>: what applies to every tenant (validation actions, priority classes).</summary>
    public const string Tenancy = "tenancy";

    /// <summary><c>gpuPools</c>.</summary>
    public const string GpuPools = "gpuPools";

    /// <summary><c>instanceCatalog</c>: GPU instance types beyond the built-in catalog, with their facts.</summary>
    public const string InstanceCatalog = "instanceCatalog";

    /// <summary><c>prices</c>: instance type → USD per hour.</summary>
    public const string Prices = "prices";
}

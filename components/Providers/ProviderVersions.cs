namespace GpuSlicingInfra.Components.Providers;

/// <summary>
/// Provider plugin versions the program pins on every resource, so a deployment never floats to
/// whatever plugin happens to be installed. They match the npm SDKs the conformance check uses.
/// </summary>
internal static class ProviderVersions
{
    /// <summary>pulumi-aws.</summary>
    public const string Aws = "7.48.0";

    /// <summary>pulumi-awsx.</summary>
    public const string Awsx = "3.9.0";

    /// <summary>pulumi-eks.</summary>
    public const string Eks = "4.3.0";

    /// <summary>pulumi-kubernetes.</summary>
    public const string Kubernetes = "4.34.2";

    /// <summary>pulumi-random.</summary>
    public const string Random = "4.21.2";
}

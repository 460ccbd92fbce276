namespace GpuSlicingInfra.Cli.Verify;

/// <summary>
/// The node labels GPU Feature Discovery writes from the config a node loaded (NVIDIA/k8s-device-plugin v0.20.0):
/// internal/lm/resource.go, baseLabeler, labels <c>&lt;resource&gt;.replicas</c> and <c>&lt;resource&gt;.sharing-strategy</c>
/// on the unrenamed resource <c>nvidia.com/gpu</c>, the strategy spelt as api/config/v1/sharing.go's SharingStrategy
/// (<c>time-slicing</c>, <c>mps</c>, <c>none</c>); internal/lm/strategy.go, <c>nvidia.com/mig.strategy</c> under MIG.
/// </summary>
internal static class GfdLabels
{
    public const string Replicas = "nvidia.com/gpu.replicas";
    public const string SharingStrategy = "nvidia.com/gpu.sharing-strategy";
    public const string MigStrategy = "nvidia.com/mig.strategy";

    /// <summary>The <see cref="SharingStrategy"/> value for a plan's strategy (<c>timeSlicing</c>, <c>mps</c>, <c>none</c>).</summary>
    public static string StrategyValue(string planStrategy) => planStrategy switch
    {
        "timeSlicing" => "time-slicing",
        "mps" => "mps",
        _ => "none",
    };
}

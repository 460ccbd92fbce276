using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Kubernetes;

namespace GpuSlicingInfra.Components.Tenancy;

/// <summary>
/// Two cluster-wide priority classes (PriorityClass is cluster-scoped, so they are shared by every tenant) for
/// latency-sensitive and batch work on one shared pool. When the pool's slices run out, a latency-sensitive pod
/// preempts batch pods (PreemptLowerPriority); a batch pod never preempts anyone (Never): it waits in the queue ahead
/// of pods without a class, so a burst of batch work cannot evict serving pods. Neither is the global default.
/// </summary>
public static class TenantPriorityClasses
{
    /// <summary>Class for latency-sensitive pods.</summary>
    public const string LatencySensitive = "gpu-latency-sensitive";

    /// <summary>Class for batch pods.</summary>
    public const string Batch = "gpu-batch";

    internal static void Add(PulumiProgram program, string name, ResourceOptions options)
    {
        _ = new PriorityClass(program, $"{name}-{LatencySensitive}", new PriorityClassArgs
        {
            Metadata = new ObjectMeta { Name = LatencySensitive },
            Value = 100_000,
            PreemptionPolicy = "PreemptLowerPriority",
            Description = "Latency-sensitive GPU work: scheduled first, and preempts gpu-batch pods when the pool's slices run out.",
        }, options);
        _ = new PriorityClass(program, $"{name}-{Batch}", new PriorityClassArgs
        {
            Metadata = new ObjectMeta { Name = Batch },
            Value = 1_000,
            PreemptionPolicy = "Never",
            Description = "Batch GPU work: queued ahead of pods without a class, but never preempts a running pod; gpu-latency-sensitive pods may preempt it.",
        }, options);
    }
}

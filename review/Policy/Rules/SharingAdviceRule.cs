using GpuSlicingInfra.Review.Plan;

namespace GpuSlicingInfra.Review.Policy.Rules;

/// <summary>
/// GSI015: a pool declared latency-sensitive (node label <c>gpu-slicing-infra/latency-sensitive</c>) does not share its
/// GPUs by taking turns: time-slicing, or time-sliced MIG devices, make a step R× as long under load, and 19× for a
/// light pod beside heavy ones (<see cref="SharingAdvice"/>, our measurements). A warning that names MPS or MIG.
/// </summary>
public sealed class SharingAdviceRule : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "GSI015";

    /// <inheritdoc />
    public override string Title => "Latency-sensitive pools do not time-slice their GPUs (advice: warning)";

    /// <inheritdoc />
    public override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var catalog = context.Context.InstanceCatalog;
        foreach (var pool in context.PlannedPools())
        {
            foreach (var (message, field) in SharingAdvice.For(pool, catalog))
            {
                yield return Warning(message, context.KeyPath(field), pool.Pool);
            }
        }
    }
}

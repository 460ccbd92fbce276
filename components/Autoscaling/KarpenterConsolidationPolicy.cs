namespace GpuSlicingInfra.Components.Autoscaling;

/// <summary>
/// Which nodes of a NodePool Karpenter's consolidation may remove or replace (<c>spec.disruption.consolidationPolicy</c>;
/// Karpenter v1.14 docs, concepts/disruption.md). The CRD also lists <c>Balanced</c>, which at v1.14.1 is documented
/// only for the next release, so it is not offered. Member names are the values Karpenter takes.
/// </summary>
public enum KarpenterConsolidationPolicy
{
    /// <summary>
    /// Only nodes running no workload pods: a notebook or a long training job is never evicted to pack it
    /// onto fewer GPUs (aws/karpenter-provider-aws#6330).
    /// </summary>
    WhenEmpty,

    /// <summary>Empty nodes and nodes whose pods fit elsewhere more cheaply, which evicts those pods: the cheapest fleet.</summary>
    WhenEmptyOrUnderutilized,
}

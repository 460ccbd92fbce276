using GpuSlicingInfra.Components.Providers.Kubernetes;

namespace GpuSlicingInfra.Components.Providers.Karpenter;

/// <summary><c>spec</c> of a Karpenter <c>NodePool</c> (<c>karpenter.sh/v1</c>).</summary>
internal sealed record NodePoolSpec
{
    /// <summary>The template of the NodeClaims the pool launches.</summary>
    public required NodeClaimTemplate Template { get; init; }

    /// <summary>Upper bounds on the pool's total capacity, by resource name (<c>cpu</c>, <c>nodes</c>, extended resources).</summary>
    public required IReadOnlyDictionary<string, string> Limits { get; init; }

    /// <summary>Consolidation and disruption budgets.</summary>
    public required NodePoolDisruption Disruption { get; init; }

    /// <summary>Priority among pools that fit a pod. Default: none (0).</summary>
    public int? Weight { get; init; }
}

/// <summary><c>spec.template</c> of a NodePool.</summary>
/// <param name="Metadata">Labels and annotations of launched nodes.</param>
/// <param name="Spec">Requirements, taints and node class of launched nodes.</param>
internal sealed record NodeClaimTemplate(NodeClaimTemplateMetadata Metadata, NodeClaimTemplateSpec Spec);

/// <summary><c>spec.template.metadata</c>.</summary>
/// <param name="Labels">Node labels.</param>
internal sealed record NodeClaimTemplateMetadata(IReadOnlyDictionary<string, string> Labels);

/// <summary><c>spec.template.spec</c>.</summary>
internal sealed record NodeClaimTemplateSpec
{
    /// <summary>The EC2NodeClass the nodes are launched with.</summary>
    public required NodeClassReference NodeClassRef { get; init; }

    /// <summary>Constraints on well-known labels (instance family, GPU count, capacity type…).</summary>
    public required IReadOnlyList<NodeSelectorRequirement> Requirements { get; init; }

    /// <summary>Taints of launched nodes.</summary>
    public required IReadOnlyList<Taint> Taints { get; init; }

    /// <summary>Node lifetime before replacement, as a Go duration (e.g. <c>720h</c>).</summary>
    public required string ExpireAfter { get; init; }
}

/// <summary><c>nodeClassRef</c> of a NodePool template.</summary>
/// <param name="Group">API group, <c>karpenter.k8s.aws</c>.</param>
/// <param name="Kind">Kind, <c>EC2NodeClass</c>.</param>
/// <param name="Name">Name of the EC2NodeClass.</param>
internal sealed record NodeClassReference(string Group, string Kind, string Name);

/// <summary>A node taint.</summary>
/// <param name="Key">Taint key.</param>
/// <param name="Value">Taint value.</param>
/// <param name="Effect"><c>NoSchedule</c>, <c>PreferNoSchedule</c> or <c>NoExecute</c>.</param>
internal sealed record Taint(string Key, string Value, string Effect);

/// <summary><c>spec.disruption</c> of a NodePool.</summary>
/// <param name="ConsolidationPolicy"><c>WhenEmpty</c>, <c>WhenEmptyOrUnderutilized</c> or <c>Balanced</c>.</param>
/// <param name="ConsolidateAfter">Wait before consolidating, as a Go duration or <c>Never</c>.</param>
/// <param name="Budgets">How many nodes may be disrupted at once.</param>
internal sealed record NodePoolDisruption(string ConsolidationPolicy, string ConsolidateAfter, IReadOnlyList<DisruptionBudget> Budgets);

/// <summary>One disruption budget.</summary>
/// <param name="Nodes">A node count or a percentage such as <c>10%</c>.</param>
internal sealed record DisruptionBudget(string Nodes);

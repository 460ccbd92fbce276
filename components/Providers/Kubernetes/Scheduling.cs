namespace GpuSlicingInfra.Components.Providers.Kubernetes;

/// <summary>A pod toleration.</summary>
internal sealed record Toleration
{
    /// <summary>Taint key.</summary>
    public string? Key { get; init; }

    /// <summary><c>Exists</c> or <c>Equal</c>.</summary>
    public string? Operator { get; init; }

    /// <summary>Taint value (with <c>Equal</c>).</summary>
    public string? Value { get; init; }

    /// <summary><c>NoSchedule</c>, <c>NoExecute</c>, <c>PreferNoSchedule</c>; null matches all.</summary>
    public string? Effect { get; init; }
}

/// <summary>Pod affinity rules (node affinity only).</summary>
/// <param name="NodeAffinity">Node affinity.</param>
internal sealed record Affinity(NodeAffinity NodeAffinity);

/// <summary>Required node affinity.</summary>
/// <param name="RequiredDuringSchedulingIgnoredDuringExecution">The terms; a node must match one.</param>
internal sealed record NodeAffinity(NodeSelector RequiredDuringSchedulingIgnoredDuringExecution);

/// <summary>A node selector: OR of terms.</summary>
/// <param name="NodeSelectorTerms">The terms.</param>
internal sealed record NodeSelector(IReadOnlyList<NodeSelectorTerm> NodeSelectorTerms);

/// <summary>One node selector term: AND of expressions.</summary>
/// <param name="MatchExpressions">The expressions.</param>
internal sealed record NodeSelectorTerm(IReadOnlyList<NodeSelectorRequirement> MatchExpressions);

/// <summary>A label requirement.</summary>
/// <param name="Key">Label key.</param>
/// <param name="Operator"><c>In</c>, <c>NotIn</c>, <c>Exists</c>, <c>DoesNotExist</c>, <c>Gt</c>, <c>Lt</c>.</param>
/// <param name="Values">Values, for operators that take them.</param>
internal sealed record NodeSelectorRequirement(string Key, string Operator, IReadOnlyList<string>? Values = null);

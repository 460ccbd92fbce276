using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Autoscaling;

/// <summary>The values of the <c>karpenter</c> chart this product sets (keys as in its values.yaml, v1.14.1).</summary>
internal sealed record KarpenterChartValues
{
    /// <summary>Controller settings.</summary>
    public required KarpenterSettingsValues Settings { get; init; }

    /// <summary>Controller replicas.</summary>
    public required int Replicas { get; init; }

    /// <summary>
    /// Node selector: the system node group of a created cluster; null on an existing cluster, which has no such label.
    /// Merged with the chart's <c>kubernetes.io/os</c> selector; the chart's default affinity
    /// (<c>karpenter.sh/nodepool DoesNotExist</c>) still keeps it off Karpenter nodes.
    /// </summary>
    public required IReadOnlyDictionary<string, string>? NodeSelector { get; init; }

    /// <summary>The service account the pod identity association or IRSA role names.</summary>
    public required KarpenterServiceAccountValues ServiceAccount { get; init; }

    /// <summary>The controller container.</summary>
    public KarpenterControllerValues Controller { get; init; } = new();
}

/// <summary><c>controller</c> values.</summary>
internal sealed record KarpenterControllerValues
{
    /// <summary>
    /// 1 CPU and 1 GiB requested and limited, as upstream's getting-started guide installs it (the chart's
    /// own default is none, which lets the scheduler pack the controller onto a busy node).
    /// </summary>
    public ContainerResourcesValues Resources { get; init; } = new(new("1", "1Gi"), new("1", "1Gi"));
}

/// <summary>A container's <c>resources</c>.</summary>
/// <param name="Requests">What the scheduler reserves.</param>
/// <param name="Limits">What the container may use.</param>
internal sealed record ContainerResourcesValues(CpuMemoryValues Requests, CpuMemoryValues Limits);

/// <summary>CPU (cores) and memory (Kubernetes quantity).</summary>
/// <param name="Cpu">CPU, e.g. <c>1</c>.</param>
/// <param name="Memory">Memory, e.g. <c>1Gi</c>.</param>
internal sealed record CpuMemoryValues(string Cpu, string Memory);

/// <summary><c>settings</c> values.</summary>
internal sealed record KarpenterSettingsValues
{
    /// <summary>The EKS cluster name.</summary>
    public required string ClusterName { get; init; }

    /// <summary>The interruption queue's <b>name</b> (not its URL or ARN).</summary>
    public required Input<string> InterruptionQueue { get; init; }

    /// <summary>Feature gates.</summary>
    public required KarpenterFeatureGateValues FeatureGates { get; init; }
}

/// <summary><c>settings.featureGates</c> values.</summary>
/// <param name="NodeOverlay">NodeOverlay support (alpha), needed by the overlay modes.</param>
internal sealed record KarpenterFeatureGateValues(bool NodeOverlay);

/// <summary><c>serviceAccount</c> values.</summary>
internal sealed record KarpenterServiceAccountValues
{
    /// <summary>Service account name.</summary>
    public required string Name { get; init; }

    /// <summary>Annotations (the IRSA role ARN). Default: none.</summary>
    public InputMap<string>? Annotations { get; init; }
}

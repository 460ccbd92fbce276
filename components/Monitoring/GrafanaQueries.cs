using System.Text.RegularExpressions;

namespace GpuSlicingInfra.Components.Monitoring;

/// <summary>
/// The PromQL of the GPU dashboard. Pools are told apart by the node label <see cref="WellKnownKeys.PoolLabel"/>, which
/// kube-state-metrics exposes in <c>kube_node_labels</c> only when allowed (<c>--metric-labels-allowlist</c>); DCGM
/// series carry the node's name in <c>Hostname</c> (the chart's <c>NODE_NAME</c>), so they join on it.
/// </summary>
internal static partial class GrafanaQueries
{
    /// <summary>DCGM field: GPU utilization in % (dcgm-exporter etc/default-counters.csv).</summary>
    public const string GpuUtil = "DCGM_FI_DEV_GPU_UTIL";

    /// <summary>
    /// DCGM profiling field: ratio of time the graphics engine is active (default-counters.csv). Reported for MIG
    /// devices, where <see cref="GpuUtil"/> is not (NVIDIA/dcgm-exporter#216).
    /// </summary>
    public const string EngineActive = "DCGM_FI_PROF_GR_ENGINE_ACTIVE";

    /// <summary>DCGM field: framebuffer memory used in MiB (dcgm-exporter etc/default-counters.csv).</summary>
    public const string FramebufferUsed = "DCGM_FI_DEV_FB_USED";

    /// <summary>kube-state-metrics: a node's allocatable resources, extended ones with <c>unit="integer"</c>.</summary>
    public const string NodeAllocatable = "kube_node_status_allocatable";

    /// <summary>kube-state-metrics: a container's resource requests.</summary>
    public const string ContainerRequests = "kube_pod_container_resource_requests";

    /// <summary>kube-state-metrics: a pod's phase, 1 for the current one.</summary>
    public const string PodPhase = "kube_pod_status_phase";

    /// <summary>kube-state-metrics: a node's labels, those allowed by <c>--metric-labels-allowlist</c>.</summary>
    public const string NodeLabels = "kube_node_labels";

    /// <summary><c>label_</c> plus the sanitized key: how <c>kube_node_labels</c> names a node label.</summary>
    public static string PoolLabelName => "label_" + Sanitize(WellKnownKeys.PoolLabel);

    /// <summary>
    /// A resource or label name as kube-state-metrics writes it: every character outside <c>[a-zA-Z0-9_]</c> becomes
    /// <c>_</c> (internal/store/utils.go, SanitizeLabelName), so <c>nvidia.com/gpu</c> is <c>nvidia_com_gpu</c>.
    /// </summary>
    public static string Sanitize(string name) => Invalid().Replace(name, "_");

    /// <summary>Slices the pool's nodes advertise, by resource.</summary>
    public static string Allocatable(string pool, IReadOnlyList<string> resources) =>
        $"sum by (resource) ({NodeAllocatable}{{resource=~\"{Alternatives(resources)}\"}} * on(node) group_left() {OnPool(pool)})";

    /// <summary>Slices requested by the pods placed on the pool's nodes, by resource; finished pods hold none.</summary>
    public static string Requested(string pool, IReadOnlyList<string> resources) =>
        $"sum by (resource) (({ContainerRequests}{{resource=~\"{Alternatives(resources)}\"}} and on(namespace, pod) {PodPhase}{{phase=~\"Pending|Running\"}} == 1) * on(node) group_left() {OnPool(pool)})";

    /// <summary>
    /// One series per physical GPU (or MIG device) of the pool: dcgm-exporter repeats a shared GPU's series once per pod
    /// using it, all with the same value, so <c>max</c> folds them back into one.
    /// </summary>
    public static string PerGpu(string metric, string pool) =>
        $"max by (Hostname, gpu, UUID, GPU_I_ID) ({metric} * on(Hostname) group_left() {PoolNodesAsHostname(pool)})";

    /// <summary>Pods per physical GPU: the distinct pods among the per-pod series of one GPU.</summary>
    public static string PodsPerGpu(string pool) =>
        $"count by (Hostname, gpu, UUID) (count by (Hostname, gpu, UUID, namespace, pod) ({FramebufferUsed}{{pod!=\"\"}} * on(Hostname) group_left() {PoolNodesAsHostname(pool)}))";

    private static string OnPool(string pool) => $"{NodeLabels}{{{PoolLabelName}=\"{pool}\"}}";

    private static string PoolNodesAsHostname(string pool) => $"label_replace({OnPool(pool)}, \"Hostname\", \"$1\", \"node\", \"(.+)\")";

    private static string Alternatives(IReadOnlyList<string> resources) => string.Join('|', resources.Select(Sanitize));

    [GeneratedRegex("[^a-zA-Z0-9_]")]
    private static partial Regex Invalid();
}

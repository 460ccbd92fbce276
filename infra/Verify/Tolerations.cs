using GpuSlicingInfra.Review.Plan;
using k8s.Models;

namespace GpuSlicingInfra.Cli.Verify;

/// <summary>Whether a pod tolerates a taint, by Kubernetes' rule (k8s.io/api core/v1 Toleration.ToleratesTaint).</summary>
internal static class Tolerations
{
    /// <summary>
    /// A toleration matches when its effect is empty or the taint's, its key is the taint's (an empty key with Exists
    /// matches every key), and it is Exists or Equal with the taint's value (Equal is the default operator).
    /// </summary>
    public static bool Tolerates(IEnumerable<V1Toleration>? tolerations, NodeTaint taint) => (tolerations ?? []).Any(t =>
        (string.IsNullOrEmpty(t.Effect) || t.Effect == taint.Effect)
        && (string.IsNullOrEmpty(t.Key) ? t.OperatorProperty == "Exists" : t.Key == taint.Key)
        && (t.OperatorProperty == "Exists" || (t.Value ?? "") == (taint.Value ?? "")));
}

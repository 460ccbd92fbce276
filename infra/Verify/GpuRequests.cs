using System.Globalization;
using GpuSlicingInfra.Components;
using k8s.Models;

namespace GpuSlicingInfra.Cli.Verify;

/// <summary>The GPU resources a pod asks for: <c>nvidia.com/gpu</c>, <c>nvidia.com/gpu.shared</c>, <c>nvidia.com/mig-…</c>.</summary>
internal static class GpuRequests
{
    /// <summary>Resource → count over the pod's containers (limits where requests are absent: extended resources set both or only limits).</summary>
    public static IReadOnlyDictionary<string, long> Of(V1Pod pod)
    {
        var total = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var container in pod.Spec?.Containers ?? [])
        {
            var asked = container.Resources?.Requests ?? container.Resources?.Limits;
            foreach (var (name, quantity) in asked ?? new Dictionary<string, ResourceQuantity>())
            {
                if (IsGpu(name) && long.TryParse(quantity.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    total[name] = total.GetValueOrDefault(name) + count;
                }
            }
        }
        return total;
    }

    private static bool IsGpu(string name) =>
        name is WellKnownKeys.GpuResource or WellKnownKeys.SharedGpuResource || name.StartsWith(WellKnownKeys.MigResourcePrefix, StringComparison.Ordinal);
}

using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Stacks.Settings;

namespace GpuSlicingInfra.Stacks.Review.Plan;

/// <summary>
/// Groups a program's resources by the component that added them. Components add resources under a
/// stable logical name prefix, so the prefix identifies the component; the longest matching prefix
/// wins (<c>gpu-t4</c> before <c>gpu</c>). A new component adds one row to <see cref="Prefixes"/>.
/// </summary>
public static class ComponentGrouping
{
    /// <summary>Prefix → component label for a stack's components.</summary>
    public static IReadOnlyList<(string Prefix, string Component)> Prefixes(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var prefixes = new List<(string, string)>
        {
            ("name-suffix", "GpuSlicingPlatform"),
            ("k8s-provider", "GpuSlicingPlatform"),
            (SpotServiceLinkedRole.LogicalName, "GpuSlicingPlatform"),
            ("network", "Network"),
            ("cluster", "Cluster"),
            ("system-nodes", "Cluster"),
            ("nvidia-device-plugin", "NvidiaDevicePlugin"),
            // Karpenter adds its IAM, interruption queue, release and every pool's NodePool, EC2NodeClass and
            // NodeOverlays under "karpenter-"; with Pod Identity it also installs the agent add-on.
            ("karpenter", "Karpenter"),
            ("pod-identity-agent", "Karpenter"),
        };
        prefixes.AddRange(settings.Platform.GpuPools.Select(p => ($"gpu-{p.Name}", $"GpuNodePool {p.Name}")));
        return prefixes;
    }

    /// <summary>The groups, in order of each component's first resource; unmatched resources fall in <c>other</c>.</summary>
    public static IReadOnlyList<ComponentGroup> Group(ProgramSnapshot program, StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(program);
        var prefixes = Prefixes(settings).OrderByDescending(p => p.Prefix.Length).ToList();
        var groups = new List<(string Component, string Prefix, List<PlannedResource> Resources)>();
        foreach (var resource in program.Resources)
        {
            var match = prefixes.FirstOrDefault(p => resource.Name == p.Prefix || resource.Name.StartsWith(p.Prefix + "-", StringComparison.Ordinal));
            var (prefix, component) = match.Prefix is null ? ("", "other") : match;
            var group = groups.FirstOrDefault(g => g.Component == component);
            if (group.Resources is null)
            {
                group = (component, prefix, []);
                groups.Add(group);
            }
            group.Resources.Add(new PlannedResource(resource.Name, resource.Type));
        }
        return [.. groups.Select(g => new ComponentGroup(g.Component, g.Prefix, g.Resources))];
    }
}

using GpuSlicingInfra.Stacks.Settings;

namespace GpuSlicingInfra.Stacks.Review.Policy;

/// <summary>What policy rules read, with the lookups several rules share.</summary>
/// <param name="Settings">Validated stack settings.</param>
/// <param name="Program">The compiled program.</param>
public sealed record PolicyContext(StackSettings Settings, ProgramSnapshot Program)
{
    /// <summary>Node label carrying a GPU pool's name.</summary>
    public const string PoolLabel = "gpu-slicing-infra/pool";

    /// <summary>Whether this is a production stack.</summary>
    public bool IsProd => Settings.Platform.Environment == "prod";

    /// <summary>Managed node groups.</summary>
    public IEnumerable<ProgramResource> NodeGroups => Program.OfType("eks:ManagedNodeGroup");

    /// <summary>GPU node groups: those with the NVIDIA AMI or the <c>nvidia.com/gpu.present</c> label.</summary>
    public IEnumerable<ProgramResource> GpuNodeGroups => NodeGroups.Where(n =>
        (n.Text("amiType") ?? "").Contains("NVIDIA", StringComparison.Ordinal) || n.Text("labels", "nvidia.com/gpu.present") == "true");

    /// <summary>The config key path for a node group: its pool section, or the cluster section for the system group.</summary>
    public static string KeyPathOf(ProgramResource nodeGroup)
    {
        ArgumentNullException.ThrowIfNull(nodeGroup);
        return nodeGroup.Text("labels", PoolLabel) is { } pool ? SettingsBinder.ToKeyPath($"GpuPools[{pool}]") : SettingsBinder.ToKeyPath("Cluster");
    }

    /// <summary>The node group launched from a launch template, if any.</summary>
    public ProgramResource? NodeGroupUsing(ProgramResource launchTemplate)
    {
        ArgumentNullException.ThrowIfNull(launchTemplate);
        return NodeGroups.FirstOrDefault(n => n.Text("launchTemplate", "id") == $"${{{launchTemplate.Name}.id}}");
    }
}

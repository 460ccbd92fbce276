using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Autoscaling;

/// <summary>
/// GPU pools for a Karpenter that already runs in an existing cluster: per pool an EC2NodeClass (with the existing nodes'
/// role), a NodePool and the NodeOverlays of its mode. No controller, IAM, interruption queue or CRD release; the
/// running controller's version decides which objects it understands.
/// </summary>
public sealed class ExistingKarpenterPools
{
    /// <summary>Adds per pool <c>{name}-nodeclass-{pool}</c>, <c>{name}-nodepool-{pool}</c> and <c>{name}-overlay-{pool}-gpus-{n}</c>.</summary>
    /// <param name="program">The program to add to.</param>
    /// <param name="name">The logical name prefix.</param>
    /// <param name="cluster">The existing cluster the running Karpenter serves.</param>
    /// <param name="options">The existing Karpenter (<see cref="KarpenterOptions.Existing"/> set, with its version and node role).</param>
    /// <param name="pools">The GPU pools it provisions, each with <see cref="GpuPoolOptions.Karpenter"/> settings.</param>
    /// <param name="profiles">The sharing profiles the pools name.</param>
    /// <exception cref="ArgsValidationException">
    /// The options are invalid or not an existing Karpenter, or a pool uses an overlay mode that version cannot take
    /// (NodeOverlay came with <see cref="KarpenterOptions.FirstNodeOverlayVersion"/>).
    /// </exception>
    public ExistingKarpenterPools(PulumiProgram program, string name, ExistingCluster cluster, KarpenterOptions options,
        IReadOnlyList<GpuPoolOptions> pools, IReadOnlyList<SharingProfileOptions> profiles)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        ArgsValidationException.ThrowIfAny(nameof(KarpenterOptions), options.Validate());
        if (!options.Existing || options.ExistingNodeRole is not { } nodeRole)
        {
            throw new ArgsValidationException(nameof(KarpenterOptions), [new(nameof(KarpenterOptions.Existing),
                "these pools are for a Karpenter that already runs: set Existing, with its version and node role.")]);
        }
        var designs = KarpenterPoolObjects.Designs(pools, profiles);
        ArgsValidationException.ThrowIfAny(nameof(KarpenterOptions), [.. designs
            .Where(d => d.Settings.Mode != KarpenterMode.Plain && !options.SupportsNodeOverlay)
            .Select(d => NodeOverlayProblem(options, d.Pool.Name))]);
        using var component = program.BeginComponent(nameof(ExistingKarpenterPools), name);
        foreach (var (pool, settings, profile) in designs)
        {
            // The CRDs are the running installation's: nothing to wait for.
            KarpenterPoolObjects.Add(program, name, cluster, nodeRole, options.AmiAlias, options.Tags, pool, settings, profile, []);
        }
    }

    /// <summary>The refusal of an overlay mode on a Karpenter without NodeOverlay, naming the version that has it.</summary>
    public static ArgsProblem NodeOverlayProblem(KarpenterOptions options, string pool)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(nameof(KarpenterPoolOptions.Mode),
            $"pool '{pool}' uses an overlay mode, but Karpenter {options.ExistingVersion} has no NodeOverlay (first in {KarpenterOptions.FirstNodeOverlayVersion.ToString(3)}): use karpenterMode plain, or upgrade the existing Karpenter and turn on {KarpenterOptions.NodeOverlayFeatureGate}.");
    }
}

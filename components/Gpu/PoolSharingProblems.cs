namespace GpuSlicingInfra.Components.Gpu;

/// <summary>
/// The sharing rules that depend on a pool's GPU: MPS clients per GPU and MIG layouts. Fields are relative
/// to the pool; messages name the profile key to change.
/// </summary>
internal static class PoolSharingProblems
{
    /// <summary>Every problem of running <paramref name="profile"/> on <paramref name="pool"/>'s instance types.</summary>
    public static IEnumerable<ArgsProblem> Of(GpuPoolOptions pool, SharingProfileOptions profile)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(profile);
        var types = PoolGpus.Of(pool);
        return profile.Strategy switch
        {
            SharingStrategy.Mps => MpsProblems(types, profile),
            SharingStrategy.Mig when profile.MigConfig is { } layout && MigLayouts.Exists(layout) => MigProblems(types, profile, layout),
            _ => [],
        };
    }

    // The MPS control daemon refuses a config above its client limit and the node advertises nothing
    // (cmd/mps-control-daemon/mps/device.go, assertReplicas).
    private static IEnumerable<ArgsProblem> MpsProblems(IReadOnlyList<GpuInstanceType> types, SharingProfileOptions profile)
    {
        foreach (var type in types.Where(t => profile.Replicas > GpuModels.MpsMaxClients(t)))
        {
            var facts = GpuModels.Of(type);
            var why = facts is null
                ? $"GPU ({type.GpuModel}) is not a model this product knows the compute capability of, so it is held to the limit below 7.5,"
                : $"{type.GpuModel} (compute capability {facts.ComputeCapability}) accepts";
            yield return new(nameof(GpuPoolOptions.Profile),
                $"profile '{profile.Name}' runs {profile.Replicas} MPS clients per GPU, but {type.Name}'s {why} at most {GpuModels.MpsMaxClients(type)}: the MPS daemon would refuse the config and the node would advertise no GPU. Lower devicePlugin.profiles.{profile.Name}.replicas.");
        }
    }

    private static IEnumerable<ArgsProblem> MigProblems(IReadOnlyList<GpuInstanceType> types, SharingProfileOptions profile, string layout)
    {
        var key = $"devicePlugin.profiles.{profile.Name}.migConfig";
        foreach (var type in types)
        {
            if (GpuModels.Of(type)?.Mig is not { } gpu)
            {
                yield return new(nameof(GpuPoolOptions.InstanceTypes),
                    $"{type.Name} ({type.GpuModel}, {type.GpuMemoryGiB} GiB) is not a GPU whose MIG layouts this product knows, but profile '{profile.Name}' uses strategy mig; use an A100, H100, H200 or B200 type (p4d, p4de, p5, p5e, p5en, p6-b200), or another profile. supportsMig in instanceCatalog does not add layouts.");
            }
            else if (MigLayouts.Devices(layout, gpu) is not { } devices)
            {
                yield return new(nameof(GpuPoolOptions.InstanceTypes),
                    $"{key} '{layout}' has no entry for {type.Name}'s {gpu.Name} (it fits {string.Join(", ", MigLayouts.GpusOf(layout).Select(g => g.Name))}); layouts for {gpu.Name}: {string.Join(", ", MigLayouts.Names.Where(n => MigLayouts.Devices(n, gpu) is not null))}.");
            }
            else if (profile.MigStrategy == MigStrategy.Uniform && devices.Count > 1)
            {
                // Under single the plugin requires every MIG device of a node to be of one profile (internal/lm/mig-strategy.go, newMigStrategySingleLabeler: "more than one MIG device type present on node").
                yield return new(nameof(GpuPoolOptions.Profile),
                    $"{key} '{layout}' gives {type.Name}'s {gpu.Name} several MIG profiles ({string.Join(", ", devices.Keys)}), which migStrategy single cannot advertise; set devicePlugin.profiles.{profile.Name}.migStrategy: mixed or use an all-<profile> layout.");
            }
        }
        // The partitioning script is one per pool (launch template, EC2NodeClass user data), so one GPU per pool.
        var gpus = types.Select(t => GpuModels.Of(t)?.Mig).OfType<MigGpu>().Distinct().ToList();
        if (gpus.Count > 1)
        {
            yield return new(nameof(GpuPoolOptions.InstanceTypes),
                $"a MIG pool partitions one GPU model, but these types have {string.Join(", ", gpus.Select(g => g.Name))}; split them into pools.");
        }
    }
}

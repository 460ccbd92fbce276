using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Platform;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Stacks.Settings;

namespace GpuSlicingInfra.Tests.Support;

/// <summary>Builds small programs from component args and parses them back.</summary>
internal static class TestPrograms
{
    public static GpuSlicingPlatformOptions PlatformArgs(params GpuPoolOptions[] pools) => new()
    {
        Environment = "test",
        Cluster = new ClusterOptions { Name = "gpu-test" },
        DevicePlugin = new NvidiaDevicePluginOptions
        {
            Profiles =
            [
                new SharingProfileOptions { Name = "ts-4", Replicas = 4 },
                new SharingProfileOptions { Name = "exclusive", Strategy = SharingStrategy.None },
            ],
            DefaultProfile = "exclusive",
        },
        GpuPools = pools.Length > 0 ? pools : [new GpuPoolOptions { Name = "t4", Profile = "ts-4", ManagedNodeGroup = new() }],
    };

    /// <summary>A platform with Karpenter on and profiles for every mode: ts-4, ts-4-shared (renamed) and exclusive.</summary>
    public static GpuSlicingPlatformOptions KarpenterPlatformArgs(params GpuPoolOptions[] pools) => PlatformArgs(pools) with
    {
        Karpenter = new KarpenterOptions { Enabled = true },
        DevicePlugin = new NvidiaDevicePluginOptions
        {
            Profiles =
            [
                new SharingProfileOptions { Name = "ts-4", Replicas = 4 },
                new SharingProfileOptions { Name = "ts-4-shared", Replicas = 4, RenameByDefault = true },
                new SharingProfileOptions { Name = "exclusive", Strategy = SharingStrategy.None },
            ],
            DefaultProfile = "exclusive",
        },
    };

    /// <summary>A Karpenter pool of <paramref name="mode"/> with a fitting profile.</summary>
    public static GpuPoolOptions KarpenterPool(string name, KarpenterMode mode, params string[] instanceTypes) => new()
    {
        Name = name,
        Profile = mode == KarpenterMode.OverlayShared ? "ts-4-shared" : "ts-4",
        Karpenter = new() { Mode = mode },
        InstanceTypes = instanceTypes.Length > 0 ? instanceTypes : ["g4dn.xlarge"],
    };

    public static ParsedProgram Platform(GpuSlicingPlatformOptions args)
    {
        var program = new PulumiProgram("test", SettingsBinder.TopLevelKeys());
        _ = new GpuSlicingPlatform(program, "", args);
        return new ParsedProgram(ProgramWriter.Write(program));
    }
}

using GpuSlicingInfra.Components.Components;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Tests.Support;

/// <summary>Builds small programs from component args and parses them back.</summary>
internal static class TestPrograms
{
    public static GpuSlicingPlatformArgs PlatformArgs(params GpuNodePoolArgs[] pools) => new()
    {
        Environment = "test",
        Cluster = new ClusterArgs { Name = "gpu-test" },
        DevicePlugin = new NvidiaDevicePluginArgs
        {
            Profiles =
            [
                new SharingProfileArgs { Name = "ts-4", Replicas = 4 },
                new SharingProfileArgs { Name = "exclusive", Strategy = SharingStrategy.None },
            ],
            DefaultProfile = "exclusive",
        },
        GpuPools = pools.Length > 0 ? pools : [new GpuNodePoolArgs { Name = "t4", Profile = "ts-4" }],
    };

    public static ParsedProgram Platform(GpuSlicingPlatformArgs args)
    {
        var program = new PulumiProgram("test");
        _ = new GpuSlicingPlatform(program, args);
        return new ParsedProgram(ProgramWriter.Write(program));
    }
}

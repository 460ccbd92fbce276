using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Tenancy;

/// <summary>The fixture stack 'tenants' (Fixtures/Stacks/Pulumi.tenants.yaml), compiled once for the tenancy tests.</summary>
internal static class TenantFixture
{
    private static readonly Lazy<(StackSettings Settings, string Program)> Compiled = new(() =>
        ReviewFixtures.Compile(StackFileReader.Read(Path.Combine(RepoPaths.Root, "tests", "GpuSlicingInfra.Tests", "Fixtures", "Stacks"), "tenants")));

    public static StackSettings Settings => Compiled.Value.Settings;

    public static string ProgramYaml => Compiled.Value.Program;

    public static ParsedProgram Program => new(ProgramYaml);
}

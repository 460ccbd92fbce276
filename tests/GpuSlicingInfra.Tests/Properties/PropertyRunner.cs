using CsCheck;

namespace GpuSlicingInfra.Tests.Properties;

/// <summary>
/// Runs a CsCheck generator deterministically: one fixed PCG seed, a fixed number of cases, one
/// thread. CI sees the same inputs every run; a failure names the case and prints its input.
/// </summary>
internal static class PropertyRunner
{
    public const ulong Seed = 0x6A5_1CE_2025;

    public const int Cases = 1000;

    public static void ForAll<T>(Gen<T> gen, Action<T> property, Func<T, string> print, int cases = Cases)
    {
        var pcg = new PCG(1, Seed);
        for (var i = 0; i < cases; i++)
        {
            var value = gen.Generate(pcg, null!, out _);
            try
            {
                property(value);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"Property failed at case {i} (seed {Seed:x}):\n{print(value)}\n{e}");
            }
        }
    }
}

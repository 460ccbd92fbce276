using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Tests.Support;

/// <summary>Stack configs for tests: the shipped stack files and small inline variations.</summary>
internal static class StackFixtures
{
    public static StackConfig Shipped(string stack) => StackFileReader.Read(RepoPaths.Root, stack);

    public static StackConfig Inline(string yaml, string stack = "test") => StackFileReader.Parse(yaml, stack, "inline");

    /// <summary>A minimal valid stack with one time-sliced g4dn pool; <paramref name="extra"/> is appended under config.</summary>
    public static string MinimalYaml(string extra = "") => $"""
        config:
          gpu-slicing-infra:devicePlugin:
            profiles:
              ts-4:
                replicas: 4
          gpu-slicing-infra:gpuPools:
            t4:
              profile: ts-4
        {extra}
        """;
}

using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary>Finds a stack's config: a stack file by name, or Pulumi's compiler environment.</summary>
internal static class StackLoader
{
    public static StackConfig FromFile(string directory, string stackName) => StackFileReader.Read(directory, stackName);

    /// <summary>
    /// Compiler mode. With <c>PULUMI_STACK</c> the config must come from <c>PULUMI_CONFIG</c>; without it
    /// Pulumi is discovering plugins, and any valid program with the same packages will do.
    /// </summary>
    public static StackConfig FromEnvironment(Cli.IEnvironmentReader environment, string directory, string? stackOption)
    {
        var stack = environment.Read(EnvironmentConfigReader.StackVariable);
        var configJson = environment.Read(EnvironmentConfigReader.ConfigVariable);
        if (!string.IsNullOrEmpty(stack))
        {
            if (configJson is null)
            {
                throw new ConfigException(EnvironmentConfigReader.ConfigVariable,
                    $"is not set although {EnvironmentConfigReader.StackVariable}={stack} is. This Pulumi CLI is too old to pass stack config to YAML compilers; upgrade to a Pulumi CLI released in 2025 or later.");
            }
            return EnvironmentConfigReader.Parse(stack, configJson);
        }
        if (stackOption is not null)
        {
            return FromFile(directory, stackOption);
        }
        return DiscoveryConfig.Create();
    }
}

using GpuSlicingInfra.Cli.Cli;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary>Finds a stack's config: a stack file by name, or Pulumi's compiler environment.</summary>
internal static class StackLoader
{
    /// <summary>Pulumi's project root, where it keeps the stack files (pulumi-yaml <c>pkg/server/server.go</c>, <c>Run</c>).</summary>
    public const string RootDirectoryVariable = "PULUMI_ROOT_DIRECTORY";

    /// <summary>A stack file by name, with the secret keys the environment lists masked.</summary>
    public static StackConfig FromFile(IEnvironmentReader environment, string directory, string stackName) =>
        SecretKeys.Mask(StackFileReader.Read(directory, stackName), null, SecretKeys.Parse(environment.Read(SecretKeys.Variable)));

    /// <summary>
    /// Compiler mode. With <c>PULUMI_STACK</c> the config must come from <c>PULUMI_CONFIG</c>; without it
    /// Pulumi is discovering plugins, and any valid program with the same packages will do.
    /// </summary>
    public static StackConfig FromEnvironment(IEnvironmentReader environment, string directory, string? stackOption)
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
            var config = EnvironmentConfigReader.Parse(stack, configJson);
            var stackFile = StackFileBeside(environment.Read(RootDirectoryVariable) ?? directory, stack);
            return SecretKeys.Mask(config, stackFile, SecretKeys.Parse(environment.Read(SecretKeys.Variable))) with
            {
                Problems = stackFile?.Problems ?? [],
            };
        }
        if (stackOption is not null)
        {
            return FromFile(environment, directory, stackOption);
        }
        return DiscoveryConfig.Create();
    }

    // PULUMI_CONFIG carries secrets decrypted and does not say which keys are secret: the stack file's secure:
    // values do, and its problems (ambiguous scalars, keys outside config:) are reported as synth reports them.
    // No stack file is no information (Pulumi runs stacks without one).
    private static StackConfig? StackFileBeside(string directory, string stack) =>
        StackInputLimits.IsValidStackName(stack) && File.Exists(Path.Combine(directory, StackFileReader.FileName(stack)))
            ? StackFileReader.Read(directory, stack)
            : null;
}

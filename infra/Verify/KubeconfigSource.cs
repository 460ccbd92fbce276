using GpuSlicingInfra.Cli.Cli;
using k8s;

namespace GpuSlicingInfra.Cli.Verify;

/// <summary>
/// Where verify's cluster credentials come from, in kubectl's order: <c>--kubeconfig</c>, else the first file of
/// <c>KUBECONFIG</c> that exists (the list is not merged), else <c>~/.kube/config</c>, else the pod's service account when
/// verify runs in a cluster. <c>--context</c> picks a context of the file; without it, the file's current context.
/// </summary>
internal static class KubeconfigSource
{
    /// <exception cref="ClusterAccessException">No kubeconfig found, or one that cannot be used.</exception>
    public static KubernetesClientConfiguration Load(string? path, string? context, IEnvironmentReader environment)
    {
        path ??= FromEnvironment(environment);
        try
        {
            if (path is not null)
            {
                return KubernetesClientConfiguration.BuildConfigFromConfigFile(path, context);
            }
            if (context is null && KubernetesClientConfiguration.IsInCluster())
            {
                return KubernetesClientConfiguration.InClusterConfig();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // KubeConfigException, a missing file, YAML errors, an unknown context: all say the file cannot be used.
            var cause = ClusterAccessException.Cause(e);
            throw new ClusterAccessException($"cannot use kubeconfig {path ?? "(in-cluster)"}: {cause}"
                + (cause.Contains("exec", StringComparison.Ordinal) ? " (its credential command gave no credential: for `aws eks get-token`, check the AWS credentials and region)" : ""), e);
        }
        throw new ClusterAccessException("no kubeconfig: pass --kubeconfig PATH, set KUBECONFIG, or create ~/.kube/config");
    }

    private static string? FromEnvironment(IEnvironmentReader environment)
    {
        if (environment.Read("KUBECONFIG") is { Length: > 0 } list)
        {
            var files = list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            // kubectl skips list entries that do not exist; a list with none is still the user's choice, reported as such.
            return files.FirstOrDefault(File.Exists) ?? files.FirstOrDefault();
        }
        var home = environment.Read("HOME") ?? environment.Read("USERPROFILE");
        var standard = home is null ? null : Path.Combine(home, ".kube", "config");
        return standard is not null && File.Exists(standard) ? standard : null;
    }
}

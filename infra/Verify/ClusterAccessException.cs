namespace GpuSlicingInfra.Cli.Verify;

/// <summary>The cluster could not be read (kubeconfig unusable, API server unreachable, a request refused): nothing was compared, exit 2.</summary>
internal sealed class ClusterAccessException : Exception
{
    public ClusterAccessException()
    {
    }

    public ClusterAccessException(string message)
        : base(message)
    {
    }

    public ClusterAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

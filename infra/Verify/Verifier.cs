namespace GpuSlicingInfra.Cli.Verify;

/// <summary>Compares a cluster with a program: every check, in report order.</summary>
internal static class Verifier
{
    public static VerifyReport Compare(string subject, ExpectedCluster expected, ClusterState cluster, DateTimeOffset now) =>
        VerifyReport.Of(subject, cluster.Server,
        [
            .. NodeChecks.Run(expected, cluster),
            .. PluginPodChecks.Run(expected, cluster),
            .. ForeignPluginChecks.Run(expected, cluster),
            .. KarpenterChecks.Run(expected, cluster, now),
            .. PendingPodChecks.Run(expected, cluster),
        ]);
}

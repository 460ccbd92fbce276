using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Kubernetes;

/// <summary><c>kubernetes:helm.sh/v3:Release</c>: a Helm release, with Helm's own release record.</summary>
internal sealed class HelmRelease(PulumiProgram program, string name, HelmReleaseArgs args, ResourceOptions? options = null)
    : Resource(program, name, "kubernetes:helm.sh/v3:Release", args, options)
{
    /// <summary>The release's status (name, namespace, revision…).</summary>
    public Output<string> ReleaseName => Output<string>("status").Property<string>("name");
}

/// <summary>Inputs of <see cref="HelmRelease"/>.</summary>
internal sealed record HelmReleaseArgs
{
    /// <summary>Release name.</summary>
    public required Input<string> Name { get; init; }

    /// <summary>Chart name, or an <c>oci://</c> reference.</summary>
    public required Input<string> Chart { get; init; }

    /// <summary>Chart version (pinned).</summary>
    public required Input<string> Version { get; init; }

    /// <summary>Chart repository, for non-OCI charts.</summary>
    public HelmRepositoryOptsArgs? RepositoryOpts { get; init; }

    /// <summary>Target namespace.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>Create the namespace if missing.</summary>
    public Input<bool>? CreateNamespace { get; init; }

    /// <summary>Roll back on a failed upgrade.</summary>
    public Input<bool>? Atomic { get; init; }

    /// <summary>Remove new resources of a failed upgrade.</summary>
    public Input<bool>? CleanupOnFail { get; init; }

    /// <summary>Seconds to wait for resources to become ready.</summary>
    public Input<int>? Timeout { get; init; }

    /// <summary>Leave the chart's <c>crds/</c> folder alone (another release owns the CRDs).</summary>
    public Input<bool>? SkipCrds { get; init; }

    /// <summary>Release history kept by Helm.</summary>
    public Input<int>? MaxHistory { get; init; }

    /// <summary>Chart values; a typed values record of the chart.</summary>
    public required object Values { get; init; }
}

/// <summary>Helm repository options.</summary>
/// <param name="Repo">Repository URL.</param>
internal sealed record HelmRepositoryOptsArgs(Input<string> Repo);

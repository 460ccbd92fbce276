using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Kubernetes;

/// <summary><c>pulumi:providers:kubernetes</c>: an explicit provider bound to one cluster's kubeconfig.</summary>
internal sealed class KubernetesProvider(PulumiProgram program, string name, KubernetesProviderArgs args, ResourceOptions? options = null)
    : Resource(program, name, "pulumi:providers:kubernetes", args, options)
{
    /// <inheritdoc />
    public override string? PluginVersion => ProviderVersions.Kubernetes;
}

/// <summary>Inputs of <see cref="KubernetesProvider"/>.</summary>
internal sealed record KubernetesProviderArgs
{
    /// <summary>The kubeconfig (JSON or YAML text).</summary>
    public required Input<string> Kubeconfig { get; init; }

    /// <summary>Server-side apply. Default: the provider's (on).</summary>
    public Input<bool>? EnableServerSideApply { get; init; }

    /// <summary>Delete resources from state when the cluster is gone.</summary>
    public Input<bool>? DeleteUnreachable { get; init; }
}

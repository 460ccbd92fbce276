namespace GpuSlicingInfra.Components.Program;

/// <summary>Pulumi resource options, written under <c>options</c>.</summary>
public sealed record ResourceOptions
{
    /// <summary>An explicit provider resource. Default: the default provider of the type's package.</summary>
    public Resource? Provider { get; init; }

    /// <summary>Resources that must be created first, beyond those the inputs already reference.</summary>
    public IReadOnlyList<Resource> DependsOn { get; init; } = [];

    /// <summary>A parent resource. Default: the stack.</summary>
    public Resource? Parent { get; init; }

    /// <summary>Refuses deletion (and so replacement) while set. Default: not protected.</summary>
    public bool Protect { get; init; }

    /// <summary>Deleting the resource from the program leaves the cloud resource in place.</summary>
    public bool RetainOnDelete { get; init; }

    /// <summary>On replacement, delete the old resource before creating the new one.</summary>
    public bool DeleteBeforeReplace { get; init; }

    /// <summary>Input property paths whose changes are ignored.</summary>
    public IReadOnlyList<string> IgnoreChanges { get; init; } = [];

    /// <summary>Input property paths whose changes force a replacement.</summary>
    public IReadOnlyList<string> ReplaceOnChanges { get; init; } = [];

    /// <summary>Earlier identities of the resource, so a rename does not replace it.</summary>
    public IReadOnlyList<ResourceAlias> Aliases { get; init; } = [];

    /// <summary>Custom create/update/delete timeouts (Go durations such as <c>30m</c>). Default: the provider's.</summary>
    public CustomTimeouts? CustomTimeouts { get; init; }

    /// <summary>Outputs to treat as secret in addition to those the provider marks.</summary>
    public IReadOnlyList<string> AdditionalSecretOutputs { get; init; } = [];
}

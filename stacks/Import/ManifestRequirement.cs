namespace GpuSlicingInfra.Stacks.Import;

/// <summary>One entry of a Provisioner's <c>spec.requirements</c>.</summary>
/// <param name="Path">Where it is in the manifest, e.g. <c>spec.requirements[0]</c>.</param>
/// <param name="Key">The label key.</param>
/// <param name="Operator">In, NotIn, Exists, DoesNotExist, Gt or Lt.</param>
/// <param name="Values">The values, empty for Exists and DoesNotExist.</param>
internal sealed record ManifestRequirement(string Path, string Key, string Operator, IReadOnlyList<string> Values)
{
    /// <summary>As a reader would write it: <c>nvidia.com/gpu In [1]</c>.</summary>
    public override string ToString() => Values.Count == 0 ? $"{Key} {Operator}" : $"{Key} {Operator} [{string.Join(", ", Values)}]";
}

/// <summary>One entry of a Provisioner's <c>spec.taints</c> or <c>spec.startupTaints</c>.</summary>
internal sealed record ManifestTaint(string Path, string Key, string? Value, string Effect)
{
    /// <summary>As kubectl writes it: <c>key=value:Effect</c>.</summary>
    public override string ToString() => Value is null ? $"{Key}:{Effect}" : $"{Key}={Value}:{Effect}";
}

/// <summary>A field the import reads but has no pool setting for, or an unset one whose default differs from the pool's.</summary>
/// <param name="Path">The manifest path.</param>
/// <param name="Reason">Why it is dropped (or what changes) and what to do instead.</param>
/// <param name="Unset">Whether the field is absent from the manifest: then the note is about defaults.</param>
internal sealed record DroppedField(string Path, string Reason, bool Unset = false);

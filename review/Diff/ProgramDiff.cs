namespace GpuSlicingInfra.Review.Diff;

/// <summary>How a program differs from an earlier one, by logical name.</summary>
/// <param name="Added">Resources only in the new program.</param>
/// <param name="Removed">Resources only in the old program.</param>
/// <param name="Changed">Resources in both whose type, properties or options differ.</param>
/// <param name="Renamed">Removed/added pairs that look like one resource under a new name.</param>
public sealed record ProgramDiff(
    IReadOnlyList<ResourceRef> Added,
    IReadOnlyList<ResourceRef> Removed,
    IReadOnlyList<ResourceChange> Changed,
    IReadOnlyList<ResourceRename> Renamed)
{
    /// <summary>Whether the programs are the same resource for resource.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0 && Renamed.Count == 0;
}

/// <summary>A resource by name and type.</summary>
/// <param name="Name">Logical name.</param>
/// <param name="Type">Type token.</param>
public sealed record ResourceRef(string Name, string Type);

/// <summary>A resource present in both programs with differences.</summary>
/// <param name="Name">Logical name.</param>
/// <param name="Type">Type token (the new one).</param>
/// <param name="Paths">Changed paths, e.g. <c>properties.scalingConfig.maxSize</c>, in order.</param>
public sealed record ResourceChange(string Name, string Type, IReadOnlyList<string> Paths);

/// <summary>
/// A resource removed and another of the same type added with (nearly) the same properties. Pulumi
/// identifies resources by logical name, so this deletes and recreates the resource unless the new
/// one carries an alias to the old name.
/// </summary>
/// <param name="OldName">Name in the old program.</param>
/// <param name="NewName">Name in the new program.</param>
/// <param name="Type">Type token.</param>
/// <param name="Similarity">Share of property values the two have in common, 0–1.</param>
/// <param name="Paths">Paths whose values differ besides the name.</param>
public sealed record ResourceRename(string OldName, string NewName, string Type, double Similarity, IReadOnlyList<string> Paths);

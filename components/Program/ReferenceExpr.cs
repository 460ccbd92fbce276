using System.Text;
using System.Text.RegularExpressions;

namespace GpuSlicingInfra.Components.Program;

/// <summary>
/// <c>${name.path}</c>: a reference to a resource, variable or config value, optionally reaching
/// into its outputs.
/// </summary>
/// <param name="Root">The logical name of the resource, variable or config key.</param>
/// <param name="Path">Property names (strings) and list indexes (ints) to follow.</param>
public sealed partial record ReferenceExpr(string Root, IReadOnlyList<object> Path) : Expr
{
    /// <summary>A reference to the whole resource, variable or config value.</summary>
    public ReferenceExpr(string root) : this(root, []) { }

    /// <summary>Reaches one property deeper.</summary>
    public ReferenceExpr Property(string name) => this with { Path = [.. Path, name] };

    /// <summary>Reaches one list element deeper.</summary>
    public ReferenceExpr Index(int index) => this with { Path = [.. Path, index] };

    /// <summary>The reference as Pulumi YAML writes it inside a string: <c>${path}</c>.</summary>
    internal string ToExpressionText() => "${" + ToPathText() + "}";

    /// <summary>The text between <c>${</c> and <c>}</c>.</summary>
    public string ToPathText()
    {
        var text = new StringBuilder(Root);
        foreach (var step in Path)
        {
            _ = step switch
            {
                int i => text.Append('[').Append(i).Append(']'),
                string s when PlainProperty().IsMatch(s) => text.Append('.').Append(s),
                string s => text.Append("[\"").Append(s).Append("\"]"),
                _ => throw new InvalidOperationException($"Unsupported path step '{step}'."),
            };
        }
        return text.ToString();
    }

    /// <inheritdoc />
    public bool Equals(ReferenceExpr? other) =>
        other is not null && Root == other.Root && Path.SequenceEqual(other.Path);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Root, Path.Count);

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex PlainProperty();
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace GpuSlicingInfra.Generators;

/// <summary>
/// What the generated converter needs of one record or enum: its fully qualified name and its members as
/// (program key, CLR name) pairs, keys already in the order they are written. Strings only, so the
/// incremental pipeline can compare models between edits.
/// </summary>
internal sealed class MappedType : IEquatable<MappedType>
{
    private const string PulumiNameAttribute = "GpuSlicingInfra.Components.Program.PulumiNameAttribute";
    private const string Expr = "GpuSlicingInfra.Components.Program.Expr";
    private const string Expressible = "GpuSlicingInfra.Components.Program.IExpressible";

    private MappedType(bool isEnum, string typeName, ImmutableArray<(string Key, string Member)> members)
    {
        IsEnum = isEnum;
        TypeName = typeName;
        Members = members;
    }

    public bool IsEnum { get; }

    public string TypeName { get; }

    public ImmutableArray<(string Key, string Member)> Members { get; }

    /// <summary>The model of a declared record or enum; null for types the converter never maps by members.</summary>
    public static MappedType? From(ISymbol? symbol)
    {
        if (symbol is not INamedTypeSymbol type || !IsReachable(type))
        {
            return null;
        }
        var name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (type.TypeKind == TypeKind.Enum)
        {
            return new MappedType(true, name, EnumMembers(type));
        }
        // Expressions and IExpressible values are converted before records are looked up.
        if (type.IsAbstract || Derives(type, Expr) || type.AllInterfaces.Any(i => i.ToDisplayString() == Expressible))
        {
            return null;
        }
        return new MappedType(false, name, RecordMembers(type));
    }

    // Generated code can name the type: not generic (no closed type to look up), not private or protected.
    private static bool IsReachable(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.IsGenericType || t.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }
        return true;
    }

    private static bool Derives(INamedTypeSymbol type, string baseName)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.ToDisplayString() == baseName)
            {
                return true;
            }
        }
        return false;
    }

    // Public instance properties with a public getter, inherited ones too (the most derived wins a name),
    // ordered by key as the reflection-based converter did.
    private static ImmutableArray<(string Key, string Member)> RecordMembers(INamedTypeSymbol type)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<(string Key, string Member)>();
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            foreach (var property in t.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                    || property.GetMethod is not { DeclaredAccessibility: Accessibility.Public } || !names.Add(property.Name))
                {
                    continue;
                }
                members.Add((KeyOf(property), property.Name));
            }
        }
        return [.. members.OrderBy(m => m.Key, StringComparer.Ordinal)];
    }

    // One name per value: a second member with the same value is an alias, not a second schema name.
    private static ImmutableArray<(string Key, string Member)> EnumMembers(INamedTypeSymbol type)
    {
        var values = new HashSet<object>();
        var members = new List<(string Key, string Member)>();
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.HasConstantValue && values.Add(field.ConstantValue!))
            {
                members.Add((KeyOf(field), field.Name));
            }
        }
        return [.. members];
    }

    private static string KeyOf(ISymbol member)
    {
        var attribute = member.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == PulumiNameAttribute);
        return attribute?.ConstructorArguments.FirstOrDefault().Value as string ?? CamelCase(member.Name);
    }

    // Same rule as ValueConverter.CamelCase: only the first character is lowered.
    private static string CamelCase(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

    public bool Equals(MappedType? other) =>
        other is not null && IsEnum == other.IsEnum && TypeName == other.TypeName && Members.SequenceEqual(other.Members);

    public override bool Equals(object? obj) => Equals(obj as MappedType);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(TypeName);
}

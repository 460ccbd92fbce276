using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GpuSlicingInfra.Generators;

/// <summary>
/// Writes the part of <c>ValueConverter</c> that turns every record of the assembly into a program map and
/// every enum member into its schema name, so the program path reads no property by reflection (a trimmed
/// Native AOT build would otherwise drop the properties and write resources without inputs).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ArgsMapGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var types = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is RecordDeclarationSyntax or EnumDeclarationSyntax,
                static (syntax, cancellationToken) => MappedType.From(syntax.SemanticModel.GetDeclaredSymbol(syntax.Node, cancellationToken)))
            .Where(static type => type is not null)
            .Select(static (type, _) => type!)
            .Collect();

        context.RegisterSourceOutput(types, static (output, all) =>
            output.AddSource("ValueConverter.Maps.g.cs", ArgsMapEmitter.Emit(Distinct(all))));
    }

    // A partial record is declared more than once; each type is mapped once, in a stable order.
    private static ImmutableArray<MappedType> Distinct(ImmutableArray<MappedType> all)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var builder = ImmutableArray.CreateBuilder<MappedType>();
        foreach (var type in all.OrderBy(t => t.TypeName, StringComparer.Ordinal))
        {
            if (seen.Add(type.TypeName))
            {
                builder.Add(type);
            }
        }
        return builder.ToImmutable();
    }
}

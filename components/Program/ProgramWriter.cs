namespace GpuSlicingInfra.Components.Program;

/// <summary>
/// Writes a <see cref="PulumiProgram"/> as Pulumi YAML. Output depends only on the program:
/// no timestamps, no paths, keys in a fixed order, strings quoted whenever YAML could read them
/// as anything but the same string.
/// </summary>
public static class ProgramWriter
{
    /// <summary>The program as Pulumi YAML text.</summary>
    public static string Write(PulumiProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return BlockYamlWriter.Write(ToMap(program), program.Resources.Count * TypicalBytesPerResource);
    }

    /// <summary>A map of expressions as one YAML document, with the same quoting rules.</summary>
    public static string WriteDocument(MapExpr document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return BlockYamlWriter.Write(document, 0);
    }

    // The stacks' programs average 700 to 750 characters a resource (dev: 38,444 for 53): one buffer of about the
    // right size instead of a chain of growing chunks copied again at the end.
    private const int TypicalBytesPerResource = 768;

    private static MapExpr ToMap(PulumiProgram program)
    {
        var root = new List<KeyValuePair<string, Expr>>
        {
            Entry("name", Expr.Text(program.Project)),
            Entry("runtime", Expr.Text("yaml")),
        };
        if (program.Description is { } description)
        {
            root.Add(Entry("description", Expr.Text(description)));
        }
        if (program.Config.Count > 0)
        {
            root.Add(Entry("config", new MapExpr([.. program.Config.Select(c => Entry(c.Key, ConfigEntry(c.Value)))])));
        }
        if (program.Variables.Count > 0)
        {
            root.Add(Entry("variables", new MapExpr(program.Variables)));
        }
        root.Add(Entry("resources", new MapExpr([.. program.Resources.Select(r => Entry(r.Name, ResourceEntry(r)))])));
        if (program.Outputs.Count > 0)
        {
            root.Add(Entry("outputs", new MapExpr(program.Outputs)));
        }
        return new MapExpr(root);
    }

    private static MapExpr ConfigEntry(ConfigDeclaration declaration)
    {
        var entries = new List<KeyValuePair<string, Expr>> { Entry("type", Expr.Text(declaration.Type)) };
        if (declaration.Default is { } value)
        {
            entries.Add(Entry("default", value));
        }
        if (declaration.Secret)
        {
            entries.Add(Entry("secret", Expr.Bool(true)));
        }
        return new MapExpr(entries);
    }

    private static MapExpr ResourceEntry(Resource resource)
    {
        var entries = new List<KeyValuePair<string, Expr>> { Entry("type", Expr.Text(resource.Type)) };
        var properties = resource.Properties;
        if (properties.Entries.Count > 0)
        {
            entries.Add(Entry("properties", properties));
        }
        var options = OptionsEntry(resource);
        if (options.Entries.Count > 0)
        {
            entries.Add(Entry("options", options));
        }
        return new MapExpr(entries);
    }

    private static MapExpr OptionsEntry(Resource resource)
    {
        var o = resource.Options;
        var entries = new List<KeyValuePair<string, Expr>>();
        void Add(string key, Expr? value)
        {
            if (value is not null)
            {
                entries.Add(Entry(key, value));
            }
        }
        static Expr? Flag(bool on) => on ? Expr.Bool(true) : null;
        static Expr? Strings(IReadOnlyList<string> values) => values.Count == 0 ? null : Expr.List(values.Select(Expr.Text));

        Add("provider", o.Provider?.Reference);
        Add("parent", o.Parent?.Reference);
        Add("dependsOn", o.DependsOn.Count == 0 ? null : Expr.List(o.DependsOn.Select(d => (Expr)d.Reference)));
        Add("protect", Flag(o.Protect));
        Add("retainOnDelete", Flag(o.RetainOnDelete));
        Add("deleteBeforeReplace", Flag(o.DeleteBeforeReplace));
        Add("ignoreChanges", Strings(o.IgnoreChanges));
        Add("replaceOnChanges", Strings(o.ReplaceOnChanges));
        Add("additionalSecretOutputs", Strings(o.AdditionalSecretOutputs));
        Add("aliases", o.Aliases.Count == 0 ? null : Expr.List(o.Aliases.Select(AliasEntry)));
        Add("customTimeouts", o.CustomTimeouts is null ? null : ValueConverter.ToExpr(o.CustomTimeouts));
        Add("version", resource.PluginVersion is { } version && o.Provider is null ? Expr.Text(version) : null);
        return new MapExpr(entries);
    }

    private static Expr AliasEntry(ResourceAlias alias)
    {
        var entries = new List<KeyValuePair<string, Expr>> { Entry("name", Expr.Text(alias.Name)) };
        if (alias.Type is { } type)
        {
            entries.Add(Entry("type", Expr.Text(type)));
        }
        return new MapExpr(entries);
    }

    private static KeyValuePair<string, Expr> Entry(string key, Expr value) => KeyValuePair.Create(key, value);
}

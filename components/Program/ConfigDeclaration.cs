namespace GpuSlicingInfra.Components.Program;

/// <summary>A config key the program reads at deployment time, written under <c>config</c>.</summary>
/// <param name="Type">The Pulumi config type, e.g. <c>string</c>, <c>integer</c>, <c>boolean</c>, <c>List&lt;String&gt;</c>.</param>
/// <param name="Default">The value when the stack does not set it. Default: the key is required.</param>
/// <param name="Secret">Whether the value is secret.</param>
public sealed record ConfigDeclaration(string Type, Expr? Default = null, bool Secret = false);

// Typed stand-ins for Pulumi YAML built-ins, used by the generated TypeScript (type-checked only,
// never run).
import * as pulumi from "@pulumi/pulumi";

/**
 * Pulumi YAML's type checker (pulumi-yaml analyser.go, isAssignable) lets a number, a boolean or a
 * resource be assigned where a string is expected, and its schema types carry no "undefined".
 * References are wrapped in coerce() so such values also satisfy `Input<string>` and required
 * inputs, while every other mismatch still fails.
 */
export type Coerced<V> = V extends pulumi.Resource
    ? V & pulumi.Output<string>
    : V extends pulumi.OutputInstance<infer T>
      ? pulumi.Output<NonNullable<T>> & ([NonNullable<T>] extends [number | boolean] ? pulumi.Output<string> : unknown)
      : V;
export declare function coerce<V>(v: V): Coerced<V>;

export declare function fnJoin(delimiter: pulumi.Input<string>, values: pulumi.Input<pulumi.Input<string>[]>): pulumi.Output<string>;
export declare function fnSplit(delimiter: pulumi.Input<string>, value: pulumi.Input<string>): pulumi.Output<string[]>;
export declare function fnSelect<T>(index: pulumi.Input<number>, values: pulumi.Input<pulumi.Input<T>[]>): pulumi.Output<T>;
export declare function fnToJSON(value: unknown): pulumi.Output<string>;
export declare function fnToBase64(value: pulumi.Input<string>): pulumi.Output<string>;
export declare function fnFromBase64(value: pulumi.Input<string>): pulumi.Output<string>;
export declare function fnReadFile(path: pulumi.Input<string>): pulumi.Output<string>;
export declare function fnCwd(): string;
export declare function fnRootDirectory(): string;
/** fn::sha1, fn::filebase64, fn::filebase64sha256, fn::pulumiResourceName/Type return a string. */
export declare function fnString(value: unknown): pulumi.Output<string>;
/** fn::length: number of list items, map entries or string characters. */
export declare function fnLength(value: unknown): pulumi.Output<number>;
/** fn::singleOrNone, fn::stackReference: the value is not typed. */
export declare function fnAny(value: unknown): any;

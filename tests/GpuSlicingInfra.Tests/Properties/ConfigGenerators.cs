using System.Text.Json.Nodes;
using CsCheck;
using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Gpu;

namespace GpuSlicingInfra.Tests.Properties;

/// <summary>Generators of stack config: valid settings, invalid mutations of them, and junk.</summary>
internal static class ConfigGenerators
{
    public const string Prefix = "gpu-slicing-infra:";

    private static readonly Gen<string> Label = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 12]
        .Select(s => "a" + s);

    // amd64 types with room for 64 slices per node beside the DaemonSets (validation refuses mixed architectures
    // and more slices than pods); arm64 and pod limits have their own tests (tests/Catalog).
    private static readonly string[] InstanceTypes = [.. GpuInstanceCatalog.BuiltIn.All
        .Where(t => t.Architecture == CpuArchitecture.Amd64 && t.MaxPods - 8 >= 64 * t.GpuCount)
        .Select(t => t.Name)];

    private static readonly Gen<JsonObject> Tags =
        Gen.Select(Label, Gen.String[Gen.Char["abcABC012 ._-:/=+@"], 0, 30]).List[0, 4]
            .Select(pairs => Obj(pairs.DistinctBy(p => p.Item1).Select(p => ("t-" + p.Item1, (JsonNode?)p.Item2))));

    private static readonly Gen<JsonObject> Network = Gen.OneOf(
        from second in Gen.Int[0, 99]
        from prefix in Gen.Int[16, 24]
        from azs in Gen.Int[2, 6]
        from nat in Gen.OneOf("single", "onePerAz")
        select Obj(("cidrBlock", (JsonNode?)$"10.{second}.0.0/{prefix}"), ("availabilityZoneCount", azs), ("natGateways", nat)),
        from subnets in Gen.Int[1, 3]
        select Obj(("existingVpcId", (JsonNode?)"vpc-0123456789abcdef0"),
            ("existingPrivateSubnetIds", new JsonArray([.. Enumerable.Range(0, subnets).Select(i => (JsonNode?)$"subnet-0000000{i}")]))));

    private static readonly Gen<JsonObject> Cluster =
        from name in Label
        from version in Gen.OneOf([.. KubernetesVersions.Supported])
        from isPublic in Gen.Bool
        from cidrs in Gen.Int[0, 255].List[1, 3]
        from admins in Gen.Int[0, 9].List[0, 3]
        from min in Gen.Int[1, 3]
        from moreDesired in Gen.Int[0, 2]
        from moreMax in Gen.Int[0, 2]
        from system in Gen.OneOf("m6i.large", "t3.large", "m7i-flex.xlarge", "c7g.2xlarge")
        select Obj(("name", (JsonNode?)$"gpu-{name}"), ("kubernetesVersion", version),
            ("endpointPublicAccess", isPublic),
            ("publicAccessCidrs", new JsonArray([.. cidrs.Distinct().Select(c => (JsonNode?)$"198.51.100.{c}/32")])),
            ("adminPrincipalArns", new JsonArray([.. admins.Distinct().Select(a => (JsonNode?)$"arn:aws:iam::111122223333:role/admin-{a}")])),
            ("systemInstanceType", system),
            ("systemMinSize", min), ("systemDesiredSize", min + moreDesired), ("systemMaxSize", min + moreDesired + moreMax));

    private static readonly Gen<(string Strategy, int Replicas, bool Fail)> Profile = Gen.OneOf(
        Gen.Select(Gen.Int[2, 64], Gen.Bool, (r, f) => ("timeSlicing", r, f)),
        // 16: the MPS limit on every GPU the generator may pick (V100 takes no more; PoolSharingProblems).
        Gen.Int[2, 16].Select(r => ("mps", r, false)),
        Gen.Bool.Select(_ => ("none", 1, false)));

    private static readonly Gen<JsonObject> Pool =
        from types in Gen.Int[0, InstanceTypes.Length - 1].List[1, 3]
        from min in Gen.Int[0, 3]
        from moreDesired in Gen.Int[0, 3]
        from moreMax in Gen.Int[0, 3]
        from spot in Gen.Bool
        from disk in Gen.Int[50, 500]
        from labels in Label.List[0, 2]
        select Obj(("instanceTypes", new JsonArray([.. types.Distinct().Select(t => (JsonNode?)InstanceTypes[t])])),
            ("minSize", min), ("desiredSize", min + moreDesired), ("maxSize", Math.Max(1, min + moreDesired + moreMax)),
            ("capacityType", spot ? "spot" : "onDemand"), ("diskSizeGiB", disk),
            ("labels", Obj(labels.Distinct().Select(l => ("example.com/" + l, (JsonNode?)l)))));

    /// <summary>A valid stack config: full key → value, as a stack file holds it.</summary>
    public static readonly Gen<JsonObject> Valid =
        from environment in Gen.OneOf("dev", "prod", "staging", "qa-1")
        from tags in Tags
        from network in Network
        from cluster in Cluster
        from profiles in Profile.List[1, 4]
        from defaultIndex in Gen.Int[0, 3]
        from pools in Gen.Select(Label, Pool, Gen.Int[0, 3]).List[0, 6]
        select Obj(
            (Prefix + "environment", (JsonNode?)environment),
            (Prefix + "tags", tags),
            (Prefix + "network", network),
            (Prefix + "cluster", cluster),
            (Prefix + "devicePlugin", Obj(
                ("defaultProfile", (JsonNode?)$"p{defaultIndex % profiles.Count}"),
                ("profiles", Obj(profiles.Select((p, i) => ($"p{i}", (JsonNode?)(p.Strategy == "none"
                    ? Obj(("strategy", (JsonNode?)"none"))
                    : Obj(("strategy", (JsonNode?)p.Strategy), ("replicas", p.Replicas), ("failRequestsGreaterThanOne", p.Fail))))))))),
            (Prefix + "gpuPools", Obj(pools.DistinctBy(p => p.Item1).Select(p =>
            {
                p.Item2["profile"] = $"p{p.Item3 % profiles.Count}";
                return (p.Item1, (JsonNode?)p.Item2);
            }))));

    /// <summary>One change that makes a valid config invalid.</summary>
    private static readonly Gen<Action<JsonObject>> Mutation = Gen.OneOf(
        Gen.OneOf<JsonNode?>(-1, 5000, "lots", 1.5, true, new JsonArray()).Select(v => SetInFirstPool("maxSize", v)),
        Gen.OneOf<JsonNode?>("1.19", "banana", 1.3, "").Select(v => (Action<JsonObject>)(c => Section(c, "cluster")["kubernetesVersion"] = v?.DeepClone())),
        Label.Select(k => (Action<JsonObject>)(c => c[Prefix + "x" + k] = 1)),
        Label.Select(k => (Action<JsonObject>)(c => Section(c, "cluster")["x" + k] = "y")),
        Gen.OneOf<JsonNode?>("10.100.0.0/16", "172.20.0.0/16", "10.0.0.1/16", "not a cidr", "10.0.0.0/8").Select(v =>
            (Action<JsonObject>)(c => c[Prefix + "network"] = Obj(("cidrBlock", v?.DeepClone())))),
        Gen.OneOf("network", "cluster", "devicePlugin", "gpuPools", "tags").SelectMany(s =>
            Gen.OneOf<JsonNode?>(42, "text", new JsonArray(1, 2)).Select(v => (Action<JsonObject>)(c => c[Prefix + s] = v?.DeepClone()))),
        Gen.OneOf("aws:owner", "AWS:x", new string('k', 129)).Select(k => (Action<JsonObject>)(c => Section(c, "tags")[k] = "v")),
        Gen.OneOf<JsonNode?>("-bad", "has space", new string('n', 101), 7).Select(v => (Action<JsonObject>)(c => Section(c, "cluster")["name"] = v?.DeepClone())),
        Gen.OneOf<JsonNode?>("missing-profile", "UPPER").Select(v => SetInFirstPool("profile", v)),
        Gen.OneOf<JsonNode?>("g99.huge", "x", "").Select(v => SetInFirstPool("instanceTypes", new JsonArray(v?.DeepClone()))),
        Gen.Int[9, 20].Select(n => (Action<JsonObject>)(c => Section(c, "cluster")["systemMinSize"] = n)));

    /// <summary>A valid config with one to three invalid changes.</summary>
    public static readonly Gen<JsonObject> Invalid =
        from config in Valid
        from mutations in Mutation.List[1, 3]
        select Apply(config, mutations);

    /// <summary>Arbitrary JSON values, up to a few levels deep.</summary>
    public static readonly Gen<JsonNode?> Junk = Gen.Recursive<JsonNode?>((depth, self) => depth >= 3
        ? Scalar
        : Gen.OneOf(Scalar,
            self.List[0, 4].Select(items => (JsonNode?)new JsonArray([.. items])),
            Gen.Select(Gen.OneOf(Label, Gen.String), self).List[0, 4].Select(entries =>
                (JsonNode?)Obj(entries.DistinctBy(e => e.Item1).Select(e => (e.Item1, e.Item2))))));

    private static Gen<JsonNode?> Scalar => Gen.OneOf<JsonNode?>(
        Gen.Bool.Select(_ => (JsonNode?)null), Gen.Bool.Select(b => (JsonNode?)b), Gen.Long.Select(l => (JsonNode?)l),
        Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)d), Gen.String.Select(s => (JsonNode?)s),
        Gen.OneOf<JsonNode?>("{", "[", "{\"a\":1,\"a\":2}", "[1,", "secure", "1e999", "-0", "${x}"));

    /// <summary>A valid config with junk at random (known or unknown) keys.</summary>
    public static readonly Gen<JsonObject> WithJunk =
        from config in Valid
        from edits in Gen.Select(Gen.OneOf("environment", "protect", "tags", "network", "cluster", "devicePlugin", "gpuPools", "prices", "zz"), Junk).List[1, 3]
        select Apply(config, [.. edits.Select(e => (Action<JsonObject>)(c => c[Prefix + e.Item1] = e.Item2?.DeepClone()))]);

    private static JsonObject Apply(JsonObject config, IEnumerable<Action<JsonObject>> mutations)
    {
        var copy = (JsonObject)config.DeepClone();
        foreach (var mutate in mutations)
        {
            mutate(copy);
        }
        return copy;
    }

    private static Action<JsonObject> SetInFirstPool(string key, JsonNode? value) => c =>
    {
        if (c[Prefix + "gpuPools"] is JsonObject pools && pools.Count > 0 && pools.First().Value is JsonObject pool)
        {
            pool[key] = value?.DeepClone();
        }
        else
        {
            Section(c, "cluster")["kubernetesVersion"] = "0.1";
        }
    };

    private static JsonObject Section(JsonObject config, string name)
    {
        if (config[Prefix + name] is not JsonObject section)
        {
            section = [];
            config[Prefix + name] = section;
        }
        return section;
    }

    private static JsonObject Obj(params IEnumerable<(string Key, JsonNode? Value)> entries)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in entries)
        {
            obj[key] = value;
        }
        return obj;
    }
}

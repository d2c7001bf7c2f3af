using System.CommandLine;

namespace AnprExchange.Cli.Verbs;

/// <summary>`anpr hotlist`: the administrators' tools; each subcommand lives in its own Hotlist*Verb.cs.</summary>
public static class HotlistVerb
{
    public static Command Create() => new("hotlist", "Hotlist tools: make signing keys, validate and push lists (CSV), show what is in force, export it.")
    {
        HotlistKeygenVerb.Create(),
        HotlistValidateVerb.Create(),
        HotlistPushVerb.Create(),
        HotlistStatusVerb.Create(),
        HotlistExportVerb.Create(),
    };
}

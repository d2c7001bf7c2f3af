using System.CommandLine;
using AnprExchange.Cli.Verbs;

namespace AnprExchange.Cli;

/// <summary>The table of contents of the `anpr` command: add a verb here and in its own file under Verbs/.</summary>
public static class AnprCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("AnprExchange: exchange ANPR hotlists between Benelux police forces and match camera reads against them.");
        root.Subcommands.Add(ClusterVerb.Create());
        root.Subcommands.Add(DemoVerb.Create());
        root.Subcommands.Add(MatcherVerb.Create());
        root.Subcommands.Add(MatchVerb.Create());
        root.Subcommands.Add(HotlistVerb.Create());
        root.Subcommands.Add(ControlRoomVerb.Create());
        root.Subcommands.Add(AgentVerb.Create());
        root.Subcommands.Add(SimulateVerb.Create());
        return root;
    }
}

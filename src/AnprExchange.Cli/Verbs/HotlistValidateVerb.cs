using System.CommandLine;
using AnprExchange.Cli.Hotlists;
using AnprExchange.Contracts.Records;

namespace AnprExchange.Cli.Verbs;

/// <summary>`anpr hotlist validate`: every check push makes, without publishing. Exit 0 valid, 1 invalid rows, 2 unusable input.</summary>
public static class HotlistValidateVerb
{
    public static Command Create()
    {
        var country = HotlistCliOptions.Country();
        var list = HotlistCliOptions.List();
        var file = HotlistCliOptions.File();
        var mode = HotlistCliOptions.Mode();
        var command = new Command("validate", "Validate a hotlist CSV file as push would, printing every error with its line and column.")
        {
            country, list, file, mode,
        };
        command.SetAction(result =>
        {
            var (stdout, stderr) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            var (cc, name, path, pushMode) = (result.GetValue(country)!, result.GetValue(list)!, result.GetValue(file)!, result.GetValue(mode));
            if (!path.Exists)
            {
                stderr.WriteLine($"validate: {path.FullName} does not exist");
                return 2;
            }
            var checkedFile = HotlistFileCheck.Run(path, cc, name, pushMode, stderr, out var elapsed);
            var modeWord = pushMode.ToString().ToLowerInvariant();
            if (!checkedFile.IsValid)
            {
                stderr.WriteLine($"{path.Name}: {checkedFile.Errors.Count:N0} error(s) in {checkedFile.RowCount:N0} rows; a {modeWord} push of {cc}/{name} would publish nothing");
                return 1;
            }
            var deletes = checkedFile.Entries.Count(e => e.Operation == HotlistEntryOperation.Delete);
            stdout.WriteLine($"{path.Name}: valid, {checkedFile.Entries.Count:N0} entries ({deletes:N0} deletes) for a {modeWord} push of {cc}/{name}; checked in {elapsed.TotalSeconds:F2} s");
            return 0;
        });
        return command;
    }
}

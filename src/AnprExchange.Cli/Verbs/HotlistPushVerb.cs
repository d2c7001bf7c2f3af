using System.CommandLine;
using AnprExchange.Cli.Hotlists;

namespace AnprExchange.Cli.Verbs;

/// <summary>`anpr hotlist push`: validate, sign and publish a list (see <see cref="HotlistPushCommand"/> for exit codes).</summary>
public static class HotlistPushVerb
{
    public static Command Create()
    {
        var country = HotlistCliOptions.Country();
        var list = HotlistCliOptions.List();
        var file = HotlistCliOptions.File();
        var mode = HotlistCliOptions.Mode();
        var key = new Option<FileInfo>("--signing-key") { Description = "The country's private key (<key-id>.private.pem from `anpr hotlist keygen`).", Required = true };
        var version = new Option<long?>("--version")
        {
            Description = "List version, above the one in force; default: Unix milliseconds now.",
            Validators = { r => { if (r.GetValueOrDefault<long?>() is < 1) { r.AddError("--version must be at least 1."); } } },
        };
        var tolerance = new Option<int>("--ocr-tolerance")
        {
            Description = "OCR substitutions tolerated when matching this list, 0 to 2.",
            DefaultValueFactory = _ => 1,
            Validators = { r => { if (r.GetValueOrDefault<int>() is < 0 or > 2) { r.AddError("--ocr-tolerance must be 0, 1 or 2."); } } },
        };
        var operatorName = new Option<string?>("--operator") { Description = "Who pushes, for the audit trail; default $USER." };
        var bootstrap = HotlistCliOptions.BootstrapServers();
        var settings = HotlistCliOptions.KafkaSettings();
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for the cluster to acknowledge each record before giving up (exit 3).",
            DefaultValueFactory = _ => 120,
            Validators = { r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--timeout must be at least 1 second."); } } },
        };
        var command = new Command("push", "Validate a hotlist CSV file, then sign and publish it: nothing is published if any row is invalid.")
        {
            country, list, file, mode, key, version, tolerance, operatorName, bootstrap, settings, timeout,
        };
        command.SetAction(async (result, ct) =>
        {
            var arguments = new HotlistPushArguments
            {
                Country = result.GetValue(country)!,
                List = result.GetValue(list)!,
                File = result.GetValue(file)!,
                Mode = result.GetValue(mode),
                SigningKey = result.GetValue(key)!,
                Version = result.GetValue(version),
                OcrTolerance = result.GetValue(tolerance),
                Operator = result.GetValue(operatorName),
                Kafka = HotlistCliOptions.Kafka(result.GetValue(bootstrap)!, result.GetValue(settings), result.GetValue(timeout) * 1000),
            };
            var config = result.InvocationConfiguration;
            return await new HotlistPushCommand(TimeProvider.System, config.Output, config.Error).RunAsync(arguments, ct);
        });
        return command;
    }
}

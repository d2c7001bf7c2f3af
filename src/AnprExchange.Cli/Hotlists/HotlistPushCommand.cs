using System.Diagnostics;
using System.Security.Cryptography;
using AnprExchange.Hotlists.Publishing;
using AnprExchange.Hotlists.Signing;
using AnprExchange.Kafka;
using Confluent.Kafka;

namespace AnprExchange.Cli.Hotlists;

/// <summary>
/// `anpr hotlist push`: validate the whole file (nothing sent on any bad row), sign, send every entry then the manifest
/// with progress, then the audit line. Exit 0 only once the manifest is acknowledged and audited; 1 invalid rows,
/// 2 unusable input (file, key), 3 not (fully) published, 4 published but the audit line not written.
/// </summary>
internal sealed class HotlistPushCommand(TimeProvider time, TextWriter stdout, TextWriter stderr)
{
    public async Task<int> RunAsync(HotlistPushArguments args, CancellationToken cancellationToken)
    {
        var label = $"{args.Country}/{args.List}";
        if (!args.File.Exists)
        {
            stderr.WriteLine($"push: {args.File.FullName} does not exist; nothing published");
            return 2;
        }
        if (!TryLoadKey(args.SigningKey, out var key))
        {
            return 2;
        }
        using (key)
        {
            var checkedFile = HotlistFileCheck.Run(args.File, args.Country, args.List, args.Mode, stderr, out var checkTime);
            if (!checkedFile.IsValid)
            {
                stderr.WriteLine($"{args.File.Name}: {checkedFile.Errors.Count:N0} error(s) in {checkedFile.RowCount:N0} rows; nothing published to {label}");
                return 1;
            }
            stdout.WriteLine($"{args.File.Name}: {checkedFile.Entries.Count:N0} entries valid in {checkTime.TotalSeconds:F2} s");

            var batch = new HotlistPublisher(time).Prepare(new HotlistPushRequest
            {
                Country = args.Country,
                List = args.List,
                Mode = args.Mode,
                Version = args.Version ?? HotlistVersions.FromClock(time),
                Entries = checkedFile.Entries,
                OcrTolerance = args.OcrTolerance,
            }, key);
            var manifest = batch.Manifest;
            var stopwatch = Stopwatch.StartNew();
            try
            {
                using var sink = new KafkaHotlistRecordSink(args.Kafka, args.Country);
                var publishing = Task.Run(() => HotlistPublisher.PublishAsync(batch, sink, cancellationToken), cancellationToken);
                await HotlistPublishProgress.Track(publishing, sink, batch.Entries.Count + 1L, label, stderr, HotlistProgress.IsInteractive(stderr));
                await publishing;
            }
            catch (KafkaException e)
            {
                stderr.WriteLine($"push: {label} version {manifest.Version} not published: {e.Error.Reason}. The manifest was not acknowledged, so matchers apply nothing of it; push again.");
                return 3;
            }
            stdout.WriteLine($"pushed {label} version {manifest.Version} ({manifest.Mode.ToString().ToLowerInvariant()}, {manifest.EntryCount:N0} entries) to {AnprTopics.Hotlist(args.Country)} in {stopwatch.Elapsed.TotalSeconds:F2} s; batch {manifest.BatchId}, signed by {manifest.SignerKeyId}");

            var audit = HotlistPushAudit.Record(manifest, HotlistPushAudit.Operator(args.Operator), time.GetUtcNow());
            try
            {
                await HotlistPushAudit.SendAsync(args.Kafka, audit, args.List, cancellationToken);
            }
            catch (KafkaException e)
            {
                stderr.WriteLine($"push: published, but the audit record was not written to {AnprTopics.Audit(args.Country)}: {e.Error.Reason}");
                return 4;
            }
            stdout.WriteLine($"audit {audit.AuditId} written to {AnprTopics.Audit(args.Country)} ({audit.Actor})");
            return 0;
        }
    }

    private bool TryLoadKey(FileInfo path, out HotlistSigningKey key)
    {
        key = null!;
        try
        {
            key = HotlistSigningKey.FromFile(path.FullName);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException or FormatException)
        {
            stderr.WriteLine($"push: signing key {path.FullName} unusable: {e.Message}; nothing published");
            return false;
        }
    }
}

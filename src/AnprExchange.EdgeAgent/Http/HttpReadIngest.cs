using AnprExchange.EdgeAgent.Ingest;
using AnprExchange.EdgeAgent.Spool;
using AnprExchange.EdgeAgent.Telemetry;
using Microsoft.Extensions.Options;

namespace AnprExchange.EdgeAgent.Http;

/// <summary>The outcome of one HTTP ingest request.</summary>
public sealed record IngestOutcome(IReadOnlyList<string> ReadIds, ReadRejection Rejection = ReadRejection.None, int RejectedIndex = -1);

/// <summary>
/// HTTP ingest: every read of a request (our JSON, as produced by the vendor mappings) goes through the same parser and
/// validation as a TCP line. All-or-nothing: if one read is invalid, none is spooled. One group commit per request
/// (<see cref="ReadSpool.CommitAsync"/>): concurrent requests and camera connections share fsyncs.
/// </summary>
public sealed class HttpReadIngest(ReadSpool spool, IOptions<IngestOptions> options, TimeProvider time, ReadIdGenerator ids, IRejectedReadSink rejected, EdgeAgentMetrics metrics)
{
    public async Task<IngestOutcome> AcceptAsync(IReadOnlyList<byte[]> reads, string source)
    {
        var context = new ReadParseContext(time.GetUtcNow(), options.Value.MaxFutureSkew, ids);
        var payloads = new List<byte[]>(reads.Count);
        for (var i = 0; i < reads.Count; i++)
        {
            var line = reads[i];
            var rejection = line.Length > options.Value.MaxLineBytes ? ReadRejection.LineTooLong : ReadRejection.None;
            var payload = new byte[ReadLineParser.PayloadLength(line.Length)];
            var length = 0;
            if (rejection == ReadRejection.None)
            {
                rejection = ReadLineParser.Parse(line, new byte[ReadLineParser.ScratchLength(line.Length)], payload, context, out length);
            }
            if (rejection != ReadRejection.None)
            {
                Reject(source, rejection, line);
                return new IngestOutcome([], rejection, i);
            }
            payloads.Add(payload[..length]);
        }

        var readIds = new List<string>(payloads.Count);
        foreach (var payload in payloads)
        {
            if (spool.TryAppend(payload, out _) == SpoolAppendResult.Full)
            {
                await spool.CommitAsync();
                metrics.Accepted(source, readIds.Count);
                metrics.Rejected(source, ReadRejection.SpoolFull);
                return new IngestOutcome(readIds, ReadRejection.SpoolFull, readIds.Count);
            }
            readIds.Add(System.Text.Encoding.UTF8.GetString(SpooledRead.ReadId(payload)));
        }
        await spool.CommitAsync();
        metrics.Accepted(source, readIds.Count);
        return new IngestOutcome(readIds);
    }

    /// <summary>Records input that could not even be mapped to a read (vendor payload errors).</summary>
    public void Reject(string source, ReadRejection rejection, ReadOnlySpan<byte> raw)
    {
        rejected.Reject(source, rejection, raw);
        metrics.Rejected(source, rejection);
    }
}

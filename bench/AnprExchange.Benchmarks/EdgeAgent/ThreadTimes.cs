using System.Globalization;
using AnprExchange.EdgeAgent.Spool;

namespace AnprExchange.Benchmarks.EdgeAgent;

/// <summary>
/// CPU time and run-queue wait of this process's threads, summed by thread name, from Linux's
/// /proc/self/task/*/schedstat (nanoseconds running, nanoseconds runnable but waiting for a core).
/// </summary>
internal sealed class ThreadTimes
{
    private readonly Dictionary<string, (double Run, double Wait)> _byName = [];
    private long _reads;

    public static Dictionary<int, (string Name, long Run, long Wait)> Snapshot()
    {
        var threads = new Dictionary<int, (string, long, long)>();
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var fields = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ');
                var name = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                threads[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] =
                    (name, long.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }
        return threads;
    }

    public void Add(Dictionary<int, (string Name, long Run, long Wait)> before, Dictionary<int, (string Name, long Run, long Wait)> after, long reads)
    {
        _reads += reads;
        foreach (var (tid, (name, run, wait)) in after)
        {
            var (_, runBefore, waitBefore) = before.GetValueOrDefault(tid, (name, 0, 0));
            // The main thread (id = process id) plays the socket: it sends the lines.
            var key = tid == Environment.ProcessId ? "benchmark thread (socket side)" : name;
            var (sumRun, sumWait) = _byName.GetValueOrDefault(key);
            _byName[key] = (sumRun + run - runBefore, sumWait + wait - waitBefore);
        }
    }

    public void Print(SpoolFlushPolicy policy)
    {
        foreach (var (name, (run, wait)) in _byName.OrderByDescending(t => t.Value.Run))
        {
            if (run / _reads >= 0.5)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {policy} | {name} | {run / _reads:F1} ns | {wait / _reads:F1} ns |"));
            }
        }
    }
}

using System.Runtime.CompilerServices;
using AnprExchange.Core.Hotlists;
using AnprExchange.Core.Index;
using AnprExchange.Core.Plates;

namespace AnprExchange.Benchmarks.Hotlists;

/// <summary>
/// `memory [entries]`: bytes per entry of the index by part, and the pause of forced, blocking full GCs (compacting or not)
/// with the index loaded vs with a Dictionary&lt;string, HotlistEntry&gt; hotlist loaded. Prints a markdown table.
/// </summary>
public static class MemoryReport
{
    public static void Run(int entries)
    {
        Console.WriteLine($"# Memory and full-GC pause, {entries:N0} entries");
        Console.WriteLine();
        SettledHeap();
        var emptyPauses = Pauses();
        var (memory, indexHeap, indexPauses) = MeasureIndex(entries);
        var (dictionaryHeap, dictionaryPauses) = MeasureDictionary(entries);

        Console.WriteLine("| Part | Bytes | Bytes/entry |");
        Console.WriteLine("|---|---:|---:|");
        Row("Table: skeleton slots 8 B + group starts 4 B", memory.TableBytes, entries);
        Row("Fixed-size attributes (HotEntry, 16 B)", memory.AttributeBytes, entries);
        Row("**Table + fixed-size attributes**", memory.TableBytes + memory.AttributeBytes, entries);
        Row("Record ids beside the attributes (4 B)", memory.RecordIdBytes, entries);
        Row("Cold rows (exact validity, text refs), allocated", memory.RecordBytes, entries);
        Row("Texts: entry ids, plates, references, remarks (UTF-8), allocated", memory.TextBytes, entries);
        Row("Entry-id map (writer only)", memory.EntryIdMapBytes, entries);
        Row("Whole index, native memory (off the GC heap)", memory.OffHeapBytes, entries);
        Row("Whole index, managed heap after full GC", indexHeap, entries);
        Row("Dictionary<string, HotlistEntry> hotlist, managed heap", dictionaryHeap, entries);
        Console.WriteLine();
        Console.WriteLine("| Heap loaded | Forced full GC | Pause median (ms) | max (ms) |");
        Console.WriteLine("|---|---|---:|---:|");
        Console.WriteLine($"| nothing (the process alone) | non-compacting | {Median(emptyPauses.Sweeping):F2} | {emptyPauses.Sweeping.Max():F2} |");
        Console.WriteLine($"| nothing (the process alone) | compacting | {Median(emptyPauses.Compacting):F2} | {emptyPauses.Compacting.Max():F2} |");
        Console.WriteLine($"| HotlistIndex | non-compacting | {Median(indexPauses.Sweeping):F2} | {indexPauses.Sweeping.Max():F2} |");
        Console.WriteLine($"| HotlistIndex | compacting | {Median(indexPauses.Compacting):F2} | {indexPauses.Compacting.Max():F2} |");
        Console.WriteLine($"| Dictionary<string, HotlistEntry> | non-compacting | {Median(dictionaryPauses.Sweeping):F2} | {dictionaryPauses.Sweeping.Max():F2} |");
        Console.WriteLine($"| Dictionary<string, HotlistEntry> | compacting | {Median(dictionaryPauses.Compacting):F2} | {dictionaryPauses.Compacting.Max():F2} |");
        Console.WriteLine();
        Console.WriteLine($"Pause = GC.GetTotalPauseDuration() around GC.Collect(2, Forced, blocking: true, compacting), 7 times each; load average at the end: {LoadAverage()}.");
    }

    // Each structure is built and measured in frames of its own: nothing of one is alive while the other is measured.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (HotlistIndexMemory Memory, long Heap, (double[] Compacting, double[] Sweeping) Pauses) MeasureIndex(int entries)
    {
        var before = SettledHeap();
        var index = BuildIndex(entries);
        var heap = SettledHeap() - before;
        var pauses = Pauses();
        var memory = index.MeasureMemory();
        GC.KeepAlive(index);
        return (memory, heap, pauses);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (long Heap, (double[] Compacting, double[] Sweeping) Pauses) MeasureDictionary(int entries)
    {
        var before = SettledHeap();
        var dictionary = BuildDictionary(entries);
        var heap = SettledHeap() - before;
        var pauses = Pauses();
        GC.KeepAlive(dictionary);
        return (heap, pauses);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static HotlistIndex BuildIndex(int entries) => HotlistIndex.Build(HotlistData.Entries(HotlistData.Plates(entries)));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Dictionary<string, HotlistEntry> BuildDictionary(int entries)
    {
        var dictionary = new Dictionary<string, HotlistEntry>(StringComparer.Ordinal);
        foreach (var entry in HotlistData.Entries(HotlistData.Plates(entries)))
        {
            PlateNormalizer.TryNormalize(entry.Plate, out var plate, out _);
            dictionary[plate] = entry;
        }
        return dictionary;
    }

    private static long SettledHeap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    /// <summary>Seven forced, blocking, compacting full collections; the pause as the runtime reports it (GC.GetTotalPauseDuration).</summary>
    private static (double[] Compacting, double[] Sweeping) Pauses()
    {
        var compacting = new double[7];
        var sweeping = new double[7];
        for (var i = 0; i < compacting.Length; i++)
        {
            compacting[i] = Pause(compacting: true);
            sweeping[i] = Pause(compacting: false);
        }
        return (compacting, sweeping);
    }

    private static double Pause(bool compacting)
    {
        var before = GC.GetTotalPauseDuration();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting);
        return (GC.GetTotalPauseDuration() - before).TotalMilliseconds;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static void Row(string part, long bytes, int entries) =>
        Console.WriteLine($"| {part} | {bytes:N0} | {bytes / (double)entries:F1} |");
}

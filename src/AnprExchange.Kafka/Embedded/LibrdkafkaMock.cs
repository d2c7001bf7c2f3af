using System.Reflection;
using System.Runtime.InteropServices;

namespace AnprExchange.Kafka;

/// <summary>
/// P/Invoke into librdkafka's mock cluster API (src/rdkafka_mock.h). Binds to the very native library that
/// Confluent.Kafka loaded — on Debian that is centos8-librdkafka.so, because the default build needs libsasl2.so.3 —
/// so the mock cluster and the clients share one copy of librdkafka. Only non-variadic entry points are used:
/// .NET cannot call C varargs on Linux.
/// </summary>
internal static partial class LibrdkafkaMock
{
    private const string Library = "anpr-librdkafka";

    static LibrdkafkaMock() => NativeLibrary.SetDllImportResolver(typeof(LibrdkafkaMock).Assembly, Resolve);

    /// <summary>Makes Confluent.Kafka load librdkafka, then forces the resolver to run.</summary>
    public static void EnsureLoaded()
    {
        _ = Confluent.Kafka.Library.Version;
        _ = LoadedLibraryPath.Value;
    }

    private static readonly Lazy<string> LoadedLibraryPath = new(FindLoadedLibrdkafka);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path) =>
        name == Library ? NativeLibrary.Load(LoadedLibraryPath.Value) : IntPtr.Zero;

    private static string FindLoadedLibrdkafka()
    {
        _ = Confluent.Kafka.Library.Version;
        if (OperatingSystem.IsLinux())
        {
            // The process's own memory map names the file Confluent.Kafka actually loaded.
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                var at = line.IndexOf('/', StringComparison.Ordinal);
                if (at >= 0 && line.AsSpan(at).EndsWith("librdkafka.so", StringComparison.Ordinal))
                {
                    return line[at..];
                }
            }
        }
        throw new InvalidOperationException(
            "Could not find the librdkafka native library loaded by Confluent.Kafka; the embedded cluster needs Linux with librdkafka.redist.");
    }

    public const int RdKafkaProducer = 0;

    [LibraryImport(Library, EntryPoint = "rd_kafka_conf_new")]
    public static partial IntPtr ConfNew();

    [LibraryImport(Library, EntryPoint = "rd_kafka_conf_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ConfSet(IntPtr conf, string name, string value, IntPtr errstr, UIntPtr errstrSize);

    [LibraryImport(Library, EntryPoint = "rd_kafka_new")]
    public static partial IntPtr KafkaNew(int type, IntPtr conf, IntPtr errstr, UIntPtr errstrSize);

    [LibraryImport(Library, EntryPoint = "rd_kafka_destroy")]
    public static partial void KafkaDestroy(IntPtr rk);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_cluster_new")]
    public static partial IntPtr ClusterNew(IntPtr rk, int brokerCount);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_cluster_destroy")]
    public static partial void ClusterDestroy(IntPtr mcluster);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_cluster_bootstraps")]
    public static partial IntPtr ClusterBootstraps(IntPtr mcluster);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_topic_create", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TopicCreate(IntPtr mcluster, string topic, int partitionCount, int replicationFactor);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_broker_set_down")]
    public static partial int BrokerSetDown(IntPtr mcluster, int brokerId);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_broker_set_up")]
    public static partial int BrokerSetUp(IntPtr mcluster, int brokerId);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_broker_set_rtt")]
    public static partial int BrokerSetRtt(IntPtr mcluster, int brokerId, int rttMs);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_partition_set_leader", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int PartitionSetLeader(IntPtr mcluster, string topic, int partition, int brokerId);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_push_request_errors_array")]
    public static partial void PushRequestErrorsArray(IntPtr mcluster, short apiKey, UIntPtr count, int[] errors);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_clear_request_errors")]
    public static partial void ClearRequestErrors(IntPtr mcluster, short apiKey);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_group_initial_rebalance_delay_ms")]
    public static partial void GroupInitialRebalanceDelayMs(IntPtr mcluster, int delayMs);
}

// Tests here assert that no librdkafka handle leaks (a process-wide count), so they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

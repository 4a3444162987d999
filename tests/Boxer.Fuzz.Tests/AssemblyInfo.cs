// The fuzz specs measure allocation per input process-wide (GC.GetTotalAllocatedBytes); other specs of this
// assembly running at the same time would be counted against the reader under test.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

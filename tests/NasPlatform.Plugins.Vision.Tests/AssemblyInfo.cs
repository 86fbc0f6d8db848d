// LibTorch's thread setting and live-tensor counters are per process: tests that train or count tensors
// must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

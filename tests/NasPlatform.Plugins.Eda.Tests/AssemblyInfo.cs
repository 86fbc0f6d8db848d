using Xunit;

// One test class at a time, as in the vision tests: with the ONNX export and trial-weight tests beside the training
// tests, classes that build and train LibTorch networks in parallel crashed the test host (SIGSEGV in libc10.so from a
// thread-pool thread) in 2 of 3 runs of a clean clone, and never with one class at a time. Not yet explained; see the
// note of the stop that added this line. The cost is about 12 s of the project's 25 s.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// The specs drive a virtual clock and wait for the thread pool to go quiet between steps; a
// neighbouring test keeping the pool busy would make every step wait out its cap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

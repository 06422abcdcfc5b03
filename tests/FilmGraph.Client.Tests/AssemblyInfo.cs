// Every test class starts real servers in this one process; side by side on two cores they would time each other out.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

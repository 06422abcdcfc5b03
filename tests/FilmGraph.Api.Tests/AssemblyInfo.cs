// The API tests start real servers in this one process and measure it (its managed heap, the meters every host in
// it publishes under the same name): run side by side, the collections would count each other's requests.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

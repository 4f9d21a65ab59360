// Each test starts a real Kestrel host (and a browser); on two shared cores, running them one after
// another is faster overall than letting them time each other out.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

using System.Collections.Concurrent;

namespace PuoAiOps.Encoders;

/// <summary>
/// One dedicated thread that makes every ONNX Runtime call of a generator. On CPUs with AMX, ONNX Runtime's int8 kernels
/// leave AMX tile state on the thread that called them; from then on every signal frame on that thread is about 8 KB
/// larger, too large for the .NET runtime's alternate signal stack, and the next null dereference on that thread
/// (even one the code catches as a NullReferenceException) kills the process with SIGSEGV (exit 139) and no dump
/// (docs/testing.md, "Test process crashes"). This thread runs only the model, so no pool thread ever carries that state.
/// </summary>
internal sealed class EncoderThread : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread _thread;

    public EncoderThread()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "MiniLM encoder" };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="call"/> on the encoder thread and waits for it; its exception is rethrown here.</summary>
    public T Run<T>(Func<T> call)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                done.SetResult(call());
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        });
        return done.Task.GetAwaiter().GetResult();
    }

    private void Loop()
    {
        foreach (var item in _work.GetConsumingEnumerable()) item();
    }

    public void Dispose() => _work.CompleteAdding();
}

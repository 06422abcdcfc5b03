using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace FilmGraph.Store.Embedded.Index;

/// <summary>
/// Asks the processor to bring memory into its caches without waiting for it. A walk that knows which rows it reads
/// next asks for them a few nodes early, and the waits for memory overlap with the work on the rows before. A read
/// does the same only until the processor's queue of unfinished instructions fills behind it; a prefetch retires at
/// once. Where the instruction is missing this does nothing, and the walks are only slower.
/// </summary>
internal static class CacheHint
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch<T>(T[] array, int index) where T : unmanaged
    {
        // The address is only a hint: should the collector move the array meanwhile, the processor fetches a line for nothing.
        if (Sse.IsSupported && (uint)index < (uint)array.Length)
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), index)));
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// Walks the quote bit map of a line (<see cref="StopBits"/>) in order: each call gives the index of the next quote.
/// The current word is kept in a register; taking a quote is a trailing-zero count and clearing the lowest bit.
/// </summary>
internal ref struct QuoteCursor(ReadOnlySpan<ulong> quotes)
{
    private readonly ReadOnlySpan<ulong> _quotes = quotes;
    private ulong _bits = quotes.IsEmpty ? 0 : quotes[0];
    private int _word;

    /// <summary>The index of the next quote without taking it, or -1 when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Peek()
    {
        while (_bits == 0)
        {
            if ((uint)++_word >= (uint)_quotes.Length)
            {
                _word = _quotes.Length;
                return -1;
            }
            _bits = _quotes[_word];
        }
        return (_word << 6) + BitOperations.TrailingZeroCount(_bits);
    }

    /// <summary>The index of the next quote, or -1 when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next()
    {
        while (_bits == 0)
        {
            if ((uint)++_word >= (uint)_quotes.Length)
            {
                // Stay past the end: every later call answers -1 too.
                _word = _quotes.Length;
                return -1;
            }
            _bits = _quotes[_word];
        }
        var index = (_word << 6) + BitOperations.TrailingZeroCount(_bits);
        _bits &= _bits - 1;
        return index;
    }
}

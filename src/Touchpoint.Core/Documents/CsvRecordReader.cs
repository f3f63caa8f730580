using System.Text;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Documents;

/// <summary>
/// RFC 4180 records from a text stream, one at a time, so a file of any size costs the memory of one record: fields
/// separated by commas, a field in double quotes may hold commas, line breaks and doubled quotes. Lines end in CRLF, LF
/// or CR. Each record knows the file line it starts on (a quoted line break makes a record span lines), so problems can
/// be reported where an editor shows them. Empty lines are skipped. Lenient where RFC 4180 is silent or strict: a quote
/// inside an unquoted field, or text after a closing quote, is kept as text. A field or a record is bounded (far above
/// any column of a document event): a longer one, a stray quote that swallows the rest of a large file say, is refused
/// naming its line instead of being read into memory whole.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private int _line = 1;
    private int _recordLine;
    private int _recordLength;

    /// <summary>The longest field read; a document event's longest column (a description) has 100 characters.</summary>
    public const int MaxFieldLength = 10_000;

    /// <summary>The most characters and fields one record may have.</summary>
    public const int MaxRecordLength = 100_000;
    public const int MaxFields = 100;

    /// <summary>
    /// Reads the next record into <paramref name="fields"/> (cleared first); false at the end of the file.
    /// <paramref name="unterminated"/> is true when a quoted field is still open at the end of the file.
    /// </summary>
    public bool Read(List<string> fields, out int lineNo, out bool unterminated)
    {
        fields.Clear();
        unterminated = false;
        lineNo = _line;
        int c;
        // Skip empty lines (a trailing line break, blank lines between records).
        while ((c = Peek()) is '\r' or '\n')
        {
            Next();
            EndOfLine(c);
            lineNo = _line;
        }
        if (c < 0)
        {
            return false;
        }
        _field.Clear();
        _recordLine = lineNo;
        _recordLength = 0;
        var quoted = false;
        var inQuotes = false;
        while (true)
        {
            c = Next();
            if (++_recordLength > MaxRecordLength || _field.Length > MaxFieldLength || fields.Count > MaxFields)
            {
                throw DomainException.Invalid("file", Messages.Get("ImportLineTooLong", _recordLine, MaxFieldLength, MaxFields));
            }
            if (inQuotes)
            {
                if (c < 0)
                {
                    unterminated = true;
                    fields.Add(_field.ToString());
                    return true;
                }
                if (c == '"')
                {
                    if (Peek() == '"')
                    {
                        Next();
                        _field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                    continue;
                }
                if (c is '\r' or '\n')
                {
                    // A line break inside quotes belongs to the value; the file's line count still moves on.
                    _field.Append((char)c);
                    if (c == '\r' && Peek() == '\n')
                    {
                        _field.Append((char)Next());
                    }
                    _line++;
                    continue;
                }
                _field.Append((char)c);
                continue;
            }
            if (c < 0 || c is '\r' or '\n')
            {
                fields.Add(_field.ToString());
                if (c >= 0)
                {
                    EndOfLine(c);
                }
                return true;
            }
            if (c == ',')
            {
                fields.Add(_field.ToString());
                _field.Clear();
                quoted = false;
                continue;
            }
            if (c == '"' && _field.Length == 0 && !quoted)
            {
                quoted = inQuotes = true;
                continue;
            }
            _field.Append((char)c);
        }
    }

    private void EndOfLine(int c)
    {
        if (c == '\r' && Peek() == '\n')
        {
            Next();
        }
        _line++;
    }

    private int Peek()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }
        return _buffer[_position];
    }

    private int Next()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }
        return _buffer[_position++];
    }

    private bool Fill()
    {
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}

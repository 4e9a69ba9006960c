package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// maxLine bounds a JSONL line: one article, however long, fits; a file
// without line breaks is not read whole as one line.
const maxLine = 64 << 20

var bom = []byte{0xEF, 0xBB, 0xBF}

// readJSONL reads one JSON object a line. A bad line is a warning; the
// others are read.
func (r *reader) readJSONL(lines lineReader) {
	for !r.stop {
		line, n, tooLong, ok := lines.next()
		if !ok {
			return
		}
		at := strconv.Itoa(n)
		if tooLong {
			r.warn(at, "line over %s, skipped", limit(maxLine))
			continue
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, bom)
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		raw := r.validJSON(line, at)
		v, err := decodeJSON(raw)
		if err != nil {
			r.warn(at, "bad JSON: %s, skipped", jsonError(err))
			continue
		}
		r.readObject(v, at, "line "+at, r.name+"#"+at)
	}
}

// readJSON reads a JSON file: one object, or an array of objects. A file
// that does not parse gives nothing, not the elements before the damage:
// it is one document, unlike a JSONL file.
func (r *reader) readJSON(data []byte) {
	data = r.validJSON(bytes.TrimPrefix(data, bom), "")
	start := bytes.TrimLeft(data, " \t\r\n")
	if len(start) == 0 {
		r.warn("", "empty article, skipped")
		return
	}
	if start[0] != '[' {
		v, err := decodeJSON(data)
		if err != nil {
			r.badJSONFile(data, err)
			return
		}
		r.readObject(v, "", "", r.name)
		return
	}

	type element struct {
		v    any
		line string
	}
	var elems []element
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	_, err := dec.Token() // [
	for err == nil && dec.More() {
		off := dec.InputOffset()
		var v any
		if err = dec.Decode(&v); err == nil {
			elems = append(elems, element{v, lineAt(data, off)})
		}
	}
	if err == nil {
		_, err = dec.Token() // ]
	}
	if err == nil {
		err = atEOF(dec)
	}
	if err != nil {
		r.badJSONFile(data, err)
		return
	}
	for i, e := range elems {
		if r.stop {
			return
		}
		r.readObject(e.v, e.line, "line "+e.line, r.name+"#"+strconv.Itoa(i+1))
	}
}

// badJSONFile warns that a JSON file does not parse. A Decoder counts the
// offsets of its errors from the value it decodes, not from the file:
// json.Unmarshal tells where in the file.
func (r *reader) badJSONFile(data []byte, err error) {
	var v any
	if err2 := json.Unmarshal(data, &v); err2 != nil {
		err = err2
	}
	r.warn(lineOf(data, err), "bad JSON: %s, file skipped", jsonError(err))
}

// readObject reads the article of a JSON object.
func (r *reader) readObject(v any, at, first, defID string) {
	obj, ok := v.(map[string]any)
	if !ok {
		r.warn(at, "bad JSON: not an object, skipped")
		return
	}
	var a article
	fromFields(&a, obj, true)
	r.add(a, at, first, defID)
}

// validJSON repairs invalid UTF-8 with a warning: encoding/json would
// repair it silently.
func (r *reader) validJSON(b []byte, at string) []byte {
	if utf8.Valid(b) {
		return b
	}
	r.warn(at, "invalid UTF-8, repaired with U+FFFD")
	return bytes.ToValidUTF8(b, []byte("\uFFFD"))
}

// decodeJSON decodes one JSON value, numbers kept as written, and nothing
// after it.
func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, atEOF(dec)
}

// errTrailing is text after the JSON value of a line or file.
var errTrailing = errors.New("text after the JSON value")

func atEOF(dec *json.Decoder) error {
	if _, err := dec.Token(); err != io.EOF {
		if err == nil {
			return &trailingError{dec.InputOffset()}
		}
		return err
	}
	return nil
}

// trailingError is text after the JSON value, at offset.
type trailingError struct{ offset int64 }

func (e *trailingError) Error() string { return errTrailing.Error() }
func (e *trailingError) Unwrap() error { return errTrailing }

// jsonError words an error of encoding/json for a warning.
func jsonError(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "unexpected end of JSON"
	}
	return err.Error()
}

// lineOf returns the line where a JSON error stands in data, "" if unknown.
func lineOf(data []byte, err error) string {
	var syntax *json.SyntaxError
	var trailing *trailingError
	switch {
	case errors.As(err, &syntax):
		return lineAt(data, syntax.Offset-1)
	case errors.As(err, &trailing):
		return lineAt(data, trailing.offset-1)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return lineAt(data, int64(len(data)))
	}
	return ""
}

// lineAt returns the 1-based line number of the first non-space byte at or
// after offset in data.
func lineAt(data []byte, offset int64) string {
	off := int(max(0, min(offset, int64(len(data)))))
	for off < len(data) && (data[off] == ' ' || data[off] == '\t' || data[off] == '\r' || data[off] == '\n' || data[off] == ',') {
		off++
	}
	if off == len(data) && off > 0 && data[off-1] == '\n' {
		off-- // the end of a file is on its last line
	}
	return strconv.Itoa(1 + bytes.Count(data[:off], []byte{'\n'}))
}

// lineReader gives the lines of a JSONL file, without their line breaks.
type lineReader interface {
	// next returns the next line and its number (1-based); tooLong says
	// that the line was over maxLine, and not returned; ok is false at
	// the end.
	next() (line []byte, n int, tooLong, ok bool)
}

// byteLines reads lines from memory, without copying them.
type byteLines struct {
	data []byte
	n    int
}

func newByteLines(data []byte) *byteLines { return &byteLines{data: data} }

func (l *byteLines) next() ([]byte, int, bool, bool) {
	if len(l.data) == 0 {
		return nil, l.n, false, false
	}
	line := l.data
	if i := bytes.IndexByte(l.data, '\n'); i >= 0 {
		line, l.data = l.data[:i], l.data[i+1:]
	} else {
		l.data = nil
	}
	l.n++
	if len(line) > maxLine {
		return nil, l.n, true, true
	}
	return line, l.n, false, true
}

// readerLines reads lines from a stream, a decompressing one: err is the
// error that stopped it, if not the end, and n the last line read whole.
type readerLines struct {
	r   *bufio.Reader
	buf []byte
	n   int
	err error
}

func newReaderLines(r io.Reader) *readerLines {
	return &readerLines{r: bufio.NewReaderSize(r, 64<<10)}
}

func (l *readerLines) next() ([]byte, int, bool, bool) {
	if l.err != nil {
		return nil, l.n, false, false
	}
	l.buf = l.buf[:0]
	tooLong := false
	for {
		chunk, err := l.r.ReadSlice('\n')
		if !tooLong {
			if len(l.buf)+len(chunk) > maxLine+1 { // +1: the line break
				tooLong, l.buf = true, l.buf[:0]
			} else {
				l.buf = append(l.buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF:
			if len(chunk) == 0 && len(l.buf) == 0 && !tooLong {
				l.err = io.EOF
				return nil, l.n, false, false
			}
			l.err = io.EOF // the last line has no line break
		case err != nil:
			// A line cut by damage is no line; report the damage.
			l.err = err
			return nil, l.n, false, false
		}
		l.n++
		if tooLong {
			return nil, l.n, true, true
		}
		return bytes.TrimSuffix(l.buf, []byte{'\n'}), l.n, false, true
	}
}

package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	textunicode "golang.org/x/text/encoding/unicode"

	"github.com/dossier-search/dossier-search/dates"
	"github.com/dossier-search/dossier-search/search"
)

// Options tune Read. The zero value works.
type Options struct {
	// MaxArticleBytes skips articles whose text is larger; 0 means 10 MiB.
	// For .txt, .md and .html it is the size of the file (decompressed),
	// for JSON the size of the article's text.
	MaxArticleBytes int
}

const defaultMaxArticleBytes = 10 << 20

// maxDecompressed caps what a .gz may expand to, so that a small zip bomb
// cannot take the memory of the machine. A variable for the tests.
var maxDecompressed int64 = 1 << 30

// sniffLen is how much of a file tells whether it is binary.
const sniffLen = 8 << 10

// ReadFile reads the file src.Path from disk and returns its articles, as
// Read. A file that cannot be read is a Warning ("cannot read: permission
// denied"). A .txt, .md or .html file over the size limit is not read at all.
func ReadFile(src Source, opts Options) ([]search.Document, []Warning) {
	r := newReader(src, opts)
	// Stat before opening: opening a FIFO waits for a writer.
	info, err := os.Stat(src.Path)
	if err != nil {
		r.warn("", "cannot read: %s", cause(err))
		return nil, r.warns
	}
	switch {
	case !info.Mode().IsRegular() && !info.IsDir():
		r.warn("", "not a regular file, skipped")
		return nil, r.warns
	case !isGzip(r.name) && single(Format(r.name)) && info.Size() > int64(r.max):
		r.tooLarge(info.Size())
		return nil, r.warns
	}
	f, err := os.Open(src.Path)
	if err != nil {
		r.warn("", "cannot read: %s", cause(err))
		return nil, r.warns
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		r.warn("", "cannot read: %s", cause(err))
		return nil, r.warns
	}
	return Read(src, data, opts)
}

// Read returns the articles of a file's content. data is the whole file as
// read from disk; Read decompresses a .gz itself. The format comes from the
// file name (see Format).
//
// IDs: the id the article gives (JSON "id", front matter "id"), else src.Rel
// for a file of one article, else src.Rel + "#" + line number (1-based) for a
// JSONL line without id, src.Rel + "#" + index (1-based) for a JSON array
// element without id. An id given twice in one file keeps its first article.
//
// Every problem is a Warning; the articles returned are all the good ones.
func Read(src Source, data []byte, opts Options) ([]search.Document, []Warning) {
	var docs []search.Document
	warns := Stream(src, data, opts, func(d search.Document, _ int) bool {
		docs = append(docs, d)
		return true
	})
	return docs, warns
}

// Stream is Read for files of many articles: it calls emit with each
// article as soon as it is read, so that a JSONL file of a whole archive
// never has all its articles in memory at once. emit is called from the
// calling goroutine, in the order of the file, with how many bytes of data
// have been read so far, for progress reports; when it returns false,
// reading stops there.
func Stream(src Source, data []byte, opts Options, emit func(d search.Document, read int) bool) []Warning {
	r := newReader(src, opts)
	r.emit = emit
	r.done = func() int { return len(data) }
	format := Format(r.name)
	if format == "" {
		r.warn("", "unknown format, skipped")
		return r.warns
	}
	if isGzip(r.name) {
		r.readGzip(format, data)
	} else {
		r.read(format, data)
	}
	if r.hidden > 0 {
		r.warns = append(r.warns, Warning{r.path, fmt.Sprintf("%d more warnings on lines of this file, not listed", r.hidden)})
	}
	return r.warns
}

// maxLineWarnings bounds the warnings about the lines of one file: a
// file of 100,000 lines that is no JSONL at all needs no 100,000 lines
// to say so.
const maxLineWarnings = 100

// single reports whether a format holds one article a file.
func single(format string) bool { return format == "txt" || format == "md" || format == "html" }

// reader reads one file; it gathers the documents and the warnings.
type reader struct {
	name  string // src.Rel, else src.Path: what the format and default ids come from
	path  string // what warnings name: src.Path, else src.Rel
	max   int
	emit  func(search.Document, int) bool // each good article, as it is read; false stops
	done  func() int                      // how much of the file's data has been read
	stop  bool                            // emit said to stop
	warns []Warning
	seen  map[string]string // id → where its first article is ("line 3")

	lineWarns int // warnings about lines
	hidden    int // of which not listed, over maxLineWarnings
}

func newReader(src Source, opts Options) *reader {
	r := &reader{name: src.Rel, path: src.Path, max: opts.MaxArticleBytes}
	if r.name == "" {
		r.name = filepath.ToSlash(src.Path)
	}
	if r.path == "" {
		r.path = r.name
	}
	if r.max <= 0 {
		r.max = defaultMaxArticleBytes
	}
	return r
}

// warn adds a warning; at is "" for the whole file, else a line number.
func (r *reader) warn(at string, format string, args ...any) {
	p := r.path
	if at != "" {
		if r.lineWarns++; r.lineWarns > maxLineWarnings {
			r.hidden++
			return
		}
		p += ":" + at
	}
	r.warns = append(r.warns, Warning{Path: p, Msg: fmt.Sprintf(format, args...)})
}

func (r *reader) tooLarge(n int64) {
	r.warn("", "article of %s, over the %s limit, skipped", size(n), limit(int64(r.max)))
}

func (r *reader) read(format string, data []byte) {
	if single(format) && len(data) > r.max {
		r.tooLarge(int64(len(data)))
		return
	}
	switch format {
	case "txt", "md":
		text, ok := r.text(data)
		if !ok {
			return
		}
		if format == "txt" {
			r.readText(text)
		} else {
			r.readMarkdown(text)
		}
	case "html":
		if !utf16BOM(data) && binary(data) {
			r.warn("", "binary file, skipped")
			return
		}
		r.readHTML(data)
	case "jsonl":
		if binary(data) {
			r.warn("", "binary file, skipped")
			return
		}
		lines := newByteLines(data)
		r.done = func() int { return len(data) - len(lines.data) }
		r.readJSONL(lines)
	case "json":
		if binary(data) {
			r.warn("", "binary file, skipped")
			return
		}
		r.readJSON(data)
	}
}

// readGzip decompresses data and reads the inner format. A single article
// is decompressed no further than the size limit; a JSONL file is streamed,
// so that a truncated download still gives the lines before the damage.
func (r *reader) readGzip(format string, data []byte) {
	compressed := bytes.NewReader(data)
	r.done = func() int { return len(data) - compressed.Len() } // ahead by what the decompressor buffers
	zr, err := gzip.NewReader(compressed)
	if err != nil {
		r.warn("", "corrupt gzip: %s, skipped", gzipCause(err))
		return
	}
	capped := &capReader{r: zr, n: maxDecompressed}
	if format == "jsonl" {
		lines := newReaderLines(capped)
		if head, _ := lines.r.Peek(sniffLen); binary(head) {
			r.warn("", "binary file, skipped")
			return
		}
		r.readJSONL(lines)
		switch {
		case capped.over: // like a truncated file: the lines before stay
			r.warn("", "decompressed size over %s: read up to line %d, the rest skipped", gzipCap(), lines.n)
		case lines.err != nil && lines.err != io.EOF:
			r.warn("", "corrupt gzip: %s, read up to line %d", gzipCause(lines.err), lines.n)
		}
		return
	}
	limit := int64(maxDecompressed)
	if single(format) {
		limit = int64(r.max)
	}
	inner, err := io.ReadAll(io.LimitReader(capped, limit+1))
	if err == nil && int64(len(inner)) > limit {
		// Over the article limit: count the rest without keeping it, to
		// tell how large the article is.
		var n int64
		n, err = io.Copy(io.Discard, capped)
		if err == nil && !capped.over {
			r.tooLarge(int64(len(inner)) + n)
			return
		}
	}
	if capped.over {
		r.warn("", "%s", overGzip())
		return
	}
	if err != nil {
		r.warn("", "corrupt gzip: %s, skipped", gzipCause(err))
		return
	}
	r.read(format, inner)
}

// errOverCap stops a capReader.
var errOverCap = errors.New("decompressed size over the limit")

// capReader reads at most n bytes from r, then fails with errOverCap.
type capReader struct {
	r    io.Reader
	n    int64
	over bool
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.n <= 0 {
		// Past the cap, look one byte further: a file of exactly the
		// cap is fine.
		var one [1]byte
		if k, err := c.r.Read(one[:]); k > 0 {
			c.over = true
			return 0, errOverCap
		} else if err != nil {
			return 0, err
		}
		return 0, nil
	}
	if int64(len(p)) > c.n {
		p = p[:c.n]
	}
	k, err := c.r.Read(p)
	c.n -= int64(k)
	return k, err
}

// gzipCause words an error of compress/gzip for a warning.
func gzipCause(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "truncated"
	}
	return strings.TrimPrefix(err.Error(), "gzip: ")
}

// text decodes the bytes of a text file to valid UTF-8 without a BOM. It
// says so when the file is binary, and warns when it repairs.
func (r *reader) text(data []byte) (string, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case utf16BOM(data):
		// UTF-16 with a BOM, as Windows Notepad writes "Unicode": its NUL
		// bytes would make it look binary.
		dec := textunicode.UTF16(textunicode.BigEndian, textunicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err == nil {
			return normalizeNewlines(string(out)), true
		}
	}
	if binary(data) {
		r.warn("", "binary file, skipped")
		return "", false
	}
	if utf8.Valid(data) {
		return normalizeNewlines(string(data)), true
	}
	if latin(data) {
		out, _ := charmap.Windows1252.NewDecoder().Bytes(data)
		r.warn("", "not UTF-8, decoded as Windows-1252")
		return normalizeNewlines(string(out)), true
	}
	r.warn("", "invalid UTF-8, repaired with U+FFFD")
	return normalizeNewlines(strings.ToValidUTF8(string(data), "\uFFFD")), true
}

// utf16BOM reports whether data starts with the BOM of UTF-16, whose NUL
// bytes would make it look binary.
func utf16BOM(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})
}

// latin reports whether data, which is not valid UTF-8, is rather text in a
// single-byte charset (« été » in Latin-1) than a UTF-8 file with damage:
// its invalid bytes outnumber its UTF-8 sequences by far. Latin-1 letters
// seldom form UTF-8 by chance.
func latin(data []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		c, n := utf8.DecodeRune(data[i:])
		if c == utf8.RuneError && n == 1 {
			invalid++
		} else {
			valid++
		}
		i += n
	}
	return invalid > 8*valid
}

// binary reports whether data looks like a binary file: a NUL byte in its
// first 8 KiB, or more than one byte in 16 there a control character that
// text does not use. High bytes do not count: they may be Latin-1 text.
func binary(data []byte) bool {
	if len(data) > sniffLen {
		data = data[:sniffLen]
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	bad := 0
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F {
			bad++
		}
	}
	return bad*16 > len(data)
}

// size formats a number of bytes for a warning: "50.0 MB", "12.3 KB",
// "900 bytes". MB are MiB, as the limits are.
func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// limit formats a limit as size does, without a needless ".0": "10 MB".
func limit(n int64) string { return strings.Replace(size(n), ".0 ", " ", 1) }

func overGzip() string { return "decompressed size over " + gzipCap() + ", skipped" }

// gzipCap formats maxDecompressed.
func gzipCap() string {
	if maxDecompressed%(1<<30) == 0 {
		return strconv.FormatInt(maxDecompressed>>30, 10) + " GiB"
	}
	return limit(maxDecompressed)
}

// article is an article as a format reads it, before the checks common to
// all formats.
type article struct {
	id, title, body, source, url string
	date                         string // as written in metadata
	published                    dates.Date
	meta                         map[string]string
}

// add checks a and adds it as a document. at is where a stands in its file
// (a line number, for warnings) and first how a later duplicate names it
// ("line 3"); defID is its id when it gives none.
func (r *reader) add(a article, at, first, defID string) {
	a.body = strings.TrimSpace(normalizeNewlines(a.body))
	if a.body == "" {
		r.warn(at, "empty article, skipped")
		return
	}
	if len(a.body) > r.max {
		r.warn(at, "article of %s, over the %s limit, skipped", size(int64(len(a.body))), limit(int64(r.max)))
		return
	}
	id := oneLine(a.id)
	if id == "" {
		id = defID
	}
	if first != "" {
		if r.seen == nil {
			r.seen = make(map[string]string)
		}
		if prev, dup := r.seen[id]; dup {
			r.warn(at, "duplicate id %s (first at %s), skipped", quote(id), prev)
			return
		}
		r.seen[id] = first
	}
	d := search.Document{
		ID:        id,
		Title:     oneLine(a.title),
		Body:      a.body,
		Source:    oneLine(a.source),
		URL:       strings.TrimSpace(a.url),
		Published: a.published,
	}
	if a.date != "" {
		if p, ok := parseDate(a.date); ok {
			d.Published = p
		} else {
			r.warn(at, "date %s not understood, left out", quote(a.date))
		}
	}
	if !d.Published.IsZero() {
		d.PublishedOrigin = dates.Metadata
	}
	if len(a.meta) > 0 {
		d.Meta = a.meta
	}
	r.stop = !r.emit(d, r.done())
}

// quote quotes a value for a warning, cut to a length that a line can
// show: ids and dates are short, unless the input is broken.
func quote(s string) string {
	s = oneLine(s)
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:60]) + "…"
	}
	return strconv.Quote(s)
}

// oneLine trims s and collapses its runs of whitespace to single spaces,
// keeping the no-break spaces of French typography (« 25 %  », « : »)
// inside it, not at its ends.
func oneLine(s string) string {
	var b strings.Builder
	space := false
	for _, c := range s {
		if isSpace(c) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(c)
	}
	return strings.TrimFunc(b.String(), unicode.IsSpace)
}

// isSpace reports whether c is a space to collapse: any Unicode space but
// the no-break ones, which French puts before : ; ! ? » and in « 25 % ».
func isSpace(c rune) bool {
	return c != '\u00A0' && c != '\u202F' && unicode.IsSpace(c)
}

// normalizeNewlines turns CRLF and CR line ends into LF.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
}

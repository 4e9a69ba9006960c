package search

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/dossier-search/dossier-search/analysis"
)

// Index is a searchable dossier. It is safe for concurrent use by several
// goroutines: searches may run while documents are added.
type Index struct {
	bleve    bleve.Index
	engine   index.Index // bleve's scorch, which Search reads directly
	facets   *facetCache
	mu       sync.RWMutex // Close waits for the searches that run
	closed   bool
	analyzer bleveanalysis.Analyzer // the analyzer of title and body, for queries and snippets
	standard bool                   // analyzer has the default analysis: see Analyze
	annotate func(*Document)        // Options.Annotate of the index's builder, for Add
	// failure is not nil for an index on disk and writable, where scorch
	// persists and merges segments in the background: it holds the first
	// error of that work (see failure.go).
	failure *failure
}

// Options configure a new index. The zero value gives the default French
// analysis and batch size.
type Options struct {
	// Analysis chooses the word lists of the French analyzer; they are stored
	// in the index, which keeps using them when opened again.
	Analysis analysis.Options
	// BatchSize is the number of documents indexed at once; 0 means 500.
	BatchSize int
	// Annotate, when not nil, is called on a copy of each document before it
	// is indexed, to fill in its annotations: annotate.Annotator.Document.
	// It must replace the slices it changes, not write into them, and may be
	// called from several goroutines at once.
	Annotate func(*Document)
}

// New returns an in-memory index of docs.
func New(ctx context.Context, docs []Document, opts Options) (*Index, error) {
	return create(ctx, "", docs, opts)
}

// Build creates an index of docs in the directory dir, which must not
// exist, and returns it open.
func Build(ctx context.Context, dir string, docs []Document, opts Options) (*Index, error) {
	if dir == "" {
		return nil, errors.New("build index: no directory")
	}
	return create(ctx, dir, docs, opts)
}

func create(ctx context.Context, dir string, docs []Document, opts Options) (*Index, error) {
	m, err := newMapping(opts.Analysis)
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	// scorch, not bleve.NewMemOnly: the latter uses the old upsidedown
	// engine, about ten times slower to index.
	var config map[string]any
	if dir != "" {
		config = map[string]any{"asyncErrorCallbackName": asyncErrorCallback}
	}
	b, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, config)
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	ix, err := wrap(b)
	if err != nil {
		b.Close()
		return nil, err
	}
	ix.annotate = opts.Annotate
	if dir != "" {
		ix.watch(dir)
	}
	if err := ix.add(ctx, docs, opts.BatchSize); err != nil {
		ix.Close()
		return nil, err
	}
	return ix, nil
}

// ErrNoIndex reports that a directory holds no index.
var ErrNoIndex = errors.New("no index there")

// An index directory that is updated in place (see package dossier) holds
// generations of the index and a file that names the current one:
//
//	DIR/CURRENT      "gen-000003\n"
//	DIR/gen-000003/  a bleve index
//
// A new generation is written beside the current one and CURRENT is
// replaced by a rename, so that a search always opens a whole index.
const CurrentFile = "CURRENT"

// Open opens the index in dir, read-write: the generation that
// dir/CURRENT names, or dir itself when it has no CURRENT.
func Open(dir string) (*Index, error) { return open(dir, false) }

// OpenReadOnly opens the index in dir for searching only. Several processes
// may have it open at once.
func OpenReadOnly(dir string) (*Index, error) { return open(dir, true) }

// Current returns the directory of the bleve index that Open opens for dir.
func Current(dir string) (string, error) {
	name, err := os.ReadFile(filepath.Join(dir, CurrentFile))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return dir, nil
	case err != nil:
		return "", err
	}
	gen := strings.TrimSpace(string(name))
	if gen == "" || strings.ContainsAny(gen, `/\`) || gen == "." || gen == ".." {
		return "", fmt.Errorf("%s names no generation: %q", filepath.Join(dir, CurrentFile), gen)
	}
	return filepath.Join(dir, gen), nil
}

// maxOpenAttempts bounds the attempts of open to catch a generation that
// stays current while it is opened.
const maxOpenAttempts = 20

func open(dir string, readOnly bool) (*Index, error) {
	for attempt := 1; ; attempt++ {
		path, err := Current(dir)
		if err != nil {
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
		ix, err := openGeneration(path, readOnly)
		// A run of package dossier may have made another generation current,
		// and removed this one, while it was opened: open the new one.
		if now, cerr := Current(dir); cerr == nil && now != path && attempt < maxOpenAttempts {
			if ix != nil {
				ix.Close()
			}
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
		return ix, nil
	}
}

// ErrDamaged reports an index whose files are missing or damaged: it must
// be built again from the articles.
var ErrDamaged = errors.New("index damaged, index the articles again")

// damaged wraps what is wrong with an index into ErrDamaged.
func damaged(cause any) error { return fmt.Errorf("%w (%v)", ErrDamaged, cause) }

// explain is deferred by the methods that read an index. Index files that
// are damaged in a way that opening them does not see (see Verify) make
// bleve panic, or fail with errors such as « snappy: corrupt input »: it
// turns the panic into an error, and checks the files on an error that
// is not the caller's (a query, a context, a closed index), to add what
// is wrong with them. A panic in one of the goroutines bleve starts for a
// search cannot be caught: see HARDENING.md.
func (ix *Index) explain(err *error) {
	if p := recover(); p != nil {
		*err = damaged(fmt.Sprintf("reading it failed: %v", p))
		return
	}
	var qe *QueryError
	if *err == nil || errors.As(*err, &qe) || errors.Is(*err, context.Canceled) || errors.Is(*err, context.DeadlineExceeded) ||
		errors.Is(*err, ErrClosed) || errors.Is(*err, ErrNotFound) || errors.Is(*err, ErrDamaged) {
		return
	}
	if v := ix.Verify(context.Background()); errors.Is(v, ErrDamaged) {
		*err = fmt.Errorf("%w: %w", *err, v)
	}
}

// openGeneration opens the bleve index in path, and checks that it could
// read its latest snapshot: scorch goes on with an older snapshot, or an
// empty index, when a segment file of the latest is missing or damaged,
// and says so only in its log; opened for writing, it then removes the
// latest snapshot and its files. So an index is checked on a read-only
// opening, which changes nothing, before it is opened for writing.
func openGeneration(path string, readOnly bool) (ix *Index, err error) {
	if !readOnly {
		check, err := openGeneration(path, true)
		if err != nil {
			return nil, err
		}
		check.Close()
	}
	defer func() {
		if p := recover(); p != nil { // bleve's decoding of damaged files
			ix, err = nil, damaged(p)
		}
	}()
	config := map[string]any{"read_only": true}
	if !readOnly {
		config = map[string]any{"asyncErrorCallbackName": asyncErrorCallback}
	}
	b, err := bleve.OpenUsing(path, config)
	switch {
	case errors.Is(err, bleve.ErrorIndexPathDoesNotExist) || errors.Is(err, bleve.ErrorIndexMetaMissing):
		return nil, ErrNoIndex
	case errors.Is(err, fs.ErrPermission):
		return nil, err
	case err != nil:
		// bleve's error tells the symptom: « error parsing mapping JSON »
		// when scorch went on without the snapshot that holds the mapping.
		if cause := diagnose(path); cause != nil {
			return nil, damaged(cause)
		}
		return nil, damaged(firstLine(err.Error()))
	}
	ix, err = wrap(b)
	if err == nil && readOnly {
		if cause := verify(ix.engine); cause != nil {
			err = damaged(cause)
		}
	}
	if err != nil {
		b.Close()
		return nil, err
	}
	if !readOnly {
		ix.watch(path)
	}
	return ix, nil
}

// diagnose opens the scorch index of the bleve index in path read-only,
// and returns what keeps it from loading its latest snapshot, if anything.
func diagnose(path string) (cause error) {
	defer func() {
		if p := recover(); p != nil {
			cause = fmt.Errorf("%v", p)
		}
	}()
	q := index.NewAnalysisQueue(1)
	defer q.Close()
	s, err := scorch.NewScorch(scorch.Name, map[string]any{"path": storePath(path), "read_only": true}, q)
	if err != nil {
		return err
	}
	if err := s.Open(); err != nil {
		return err
	}
	defer s.Close()
	return verify(s)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// verify checks that engine, opened read-only, could load the latest
// snapshot of its root file, and that each segment file of it counts no
// more documents than it has bytes, and returns what is wrong. The count
// is read from the footer of the file: where a cut leaves bytes that look
// like a footer, it is garbage, and the facet tables that a search sizes
// by it would not fit in memory.
func verify(engine index.Index) error {
	s, ok := engine.(*scorch.Scorch)
	if !ok {
		return nil
	}
	epochs, err := s.RootBoltSnapshotEpochs() // the latest first
	if err != nil || len(epochs) == 0 {
		return err
	}
	snap, err := s.LoadSnapshot(epochs[0])
	if err != nil {
		return err
	}
	defer snap.DecRef()
	for _, ss := range snap.Segments() {
		path := segmentPath(ss)
		if path == "" {
			continue
		}
		fi, err := os.Stat(path)
		if err != nil {
			return err
		}
		if n := ss.Segment().Count(); n > uint64(fi.Size()) {
			return fmt.Errorf("%s: %d documents in %d bytes", path, n, fi.Size())
		}
	}
	return nil
}

func wrap(b bleve.Index) (*Index, error) {
	a := b.Mapping().AnalyzerNamed(analyzerFrench)
	if a == nil {
		return nil, errors.New("not a dossier index: no French analyzer in its mapping")
	}
	engine, err := b.Advanced()
	if err != nil {
		return nil, err
	}
	fr, _ := a.(*analysis.Analyzer)
	return &Index{bleve: b, engine: engine, analyzer: a, standard: fr != nil && fr.Standard(), facets: &facetCache{}}, nil
}

// ErrClosed reports a search on a closed index.
var ErrClosed = errors.New("index closed")

// Close closes the index, once the searches that run are done.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return nil
	}
	ix.closed = true
	err := ix.bleve.Close()
	if ix.failure != nil {
		writers.Delete(ix.failure.store)
		// What scorch could not write is lost: the index on disk is not
		// whole.
		if f := ix.failure.get(); f != nil {
			return f
		}
	}
	return err
}

// Add indexes docs, replacing the documents with the same ids. An index
// made by New or Build annotates them as its Options said; an opened one
// does not: annotate them first.
func (ix *Index) Add(ctx context.Context, docs []Document) error {
	return ix.add(ctx, docs, 0)
}

func (ix *Index) add(ctx context.Context, docs []Document, batchSize int) error {
	if batchSize <= 0 {
		batchSize = 500
	}
	for len(docs) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		n := min(batchSize, len(docs))
		batch := ix.bleve.NewBatch()
		for _, d := range docs[:n] {
			if ix.annotate != nil {
				ix.annotate(&d) // a copy: the caller's document is not changed
			}
			if d.ID == "" {
				return errors.New("index document: empty id")
			}
			if err := ix.index(batch, &d); err != nil {
				return fmt.Errorf("index document %s: %w", d.ID, err)
			}
		}
		if err := ix.wait(func() error { return ix.bleve.Batch(batch) }); err != nil {
			return fmt.Errorf("index batch: %w", err)
		}
		docs = docs[n:]
	}
	return nil
}

// index adds d to batch. When d holds the tokens of its title and body
// (see Analyze) and the index has the default analysis, the title and
// body fields get them as they are, instead of being analysed again.
func (ix *Index) index(batch *bleve.Batch, d *Document) error {
	if !ix.standard || !d.analyzed.valid(d) {
		return batch.Index(d.ID, fields(*d))
	}
	doc := document.NewDocument(d.ID)
	if err := ix.bleve.Mapping().MapDocument(doc, fields(*d)); err != nil {
		return err
	}
	title, body := d.analyzed.take()
	for i, f := range doc.Fields {
		var tokens bleveanalysis.TokenStream
		switch f.Name() {
		case fieldTitle:
			tokens = title
		case fieldBody:
			tokens = body
		default:
			continue
		}
		if t, ok := f.(*document.TextField); ok && len(t.ArrayPositions()) == 0 {
			doc.Fields[i] = document.NewTextFieldCustom(t.Name(), nil, t.Value(), t.Options(), &analyzedText{tokens})
		}
	}
	return batch.IndexAdvanced(doc)
}

// analyzedText is the analyzer of a field whose tokens are known: it
// gives them once.
type analyzedText struct{ tokens bleveanalysis.TokenStream }

func (a *analyzedText) Analyze([]byte) bleveanalysis.TokenStream {
	t := a.tokens
	a.tokens = nil // the batch keeps the field: let the tokens go
	return t
}

// Delete removes the documents with the given ids; ids that are not in the
// index are ignored.
func (ix *Index) Delete(ctx context.Context, ids []string) error {
	for len(ids) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		n := min(500, len(ids))
		batch := ix.bleve.NewBatch()
		for _, id := range ids[:n] {
			batch.Delete(id)
		}
		if err := ix.wait(func() error { return ix.bleve.Batch(batch) }); err != nil {
			return fmt.Errorf("delete documents: %w", err)
		}
		ids = ids[n:]
	}
	return nil
}

// compactOptions plan the merges of Compact: at most one segment per tier
// of size, the tiers growing tenfold from 10,000 documents. An index of the
// size of the benchmark corpus ends in one segment; a large one in a few,
// and a run that adds a few documents to it rewrites its smallest segment,
// not the whole index.
var compactOptions = mergeplan.MergePlanOptions{
	MaxSegmentsPerTier:   1,
	MaxSegmentSize:       mergeplan.DefaultMergePlanOptions.MaxSegmentSize,
	MaxSegmentFileSize:   mergeplan.DefaultMergePlanOptions.MaxSegmentFileSize,
	TierGrowth:           10,
	SegmentsPerMergeTask: 10,
	FloorSegmentSize:     10000,
	ReclaimDeletesWeight: 2,
}

// Compact merges the segments that the index has written since its last
// merges, until each tier of size has at most one: a search reads each
// segment, and goes faster through fewer (on the 20 MB benchmark corpus,
// one segment instead of seven: a quarter off the median search). Bleve
// merges in the background as it indexes; Compact is for the end of a
// bulk load.
//
// An index in memory or opened read-only is left as it is.
func (ix *Index) Compact(ctx context.Context) error {
	s, ok := ix.engine.(*scorch.Scorch)
	if !ok || ix.failure == nil {
		return nil // no merger to ask: ForceMerge would wait for ever
	}
	opts := compactOptions
	if err := ix.waitMerge(ctx, func(ctx context.Context) error { return s.ForceMerge(ctx, &opts) }); err != nil {
		return fmt.Errorf("compact index: %w", err)
	}
	return ctx.Err()
}

// Count returns the number of documents in the index.
func (ix *Index) Count() (uint64, error) { return ix.bleve.DocCount() }

// Verify reads every segment file of the index and checks it against the
// checksum written at its end: it finds the damage that opening an index
// does not, for opening reads the ends of the files only. It reads the whole
// index (5 ms for the 43 MB index of the 20 MB corpus, from the page
// cache) and returns an error that wraps ErrDamaged for the first file that
// does not match. An index in memory has nothing to check.
func (ix *Index) Verify(ctx context.Context) error {
	files, err := ix.Files()
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := VerifyFile(f); err != nil {
			return err
		}
	}
	return nil
}

// Files returns the segment files that the index reads, which Verify
// checks; none for an index in memory.
func (ix *Index) Files() ([]string, error) {
	r, done, err := ix.read()
	if err != nil {
		return nil, err
	}
	defer done()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, nil
	}
	var files []string
	for _, ss := range snap.Segments() {
		if path := segmentPath(ss); path != "" {
			files = append(files, path)
		}
	}
	return files, nil
}

// segmentPath returns the file of a segment, "" for one in memory.
func segmentPath(ss *scorch.SegmentSnapshot) string {
	if f, ok := ss.Segment().(interface{ Path() string }); ok {
		return f.Path()
	}
	return ""
}

// read opens a snapshot of the index for one reading, and keeps Close
// waiting until done is called.
func (ix *Index) read() (r index.IndexReader, done func(), err error) {
	ix.mu.RLock()
	if ix.closed {
		ix.mu.RUnlock()
		return nil, nil, ErrClosed
	}
	if r, err = ix.engine.Reader(); err != nil {
		ix.mu.RUnlock()
		return nil, nil, err
	}
	return r, func() { r.Close(); ix.mu.RUnlock() }, nil
}

// VerifyFile checks a segment file of an index (see Index.Files) against
// its checksum, and returns an error that wraps ErrDamaged if it does not
// match.
func VerifyFile(path string) error {
	if err := verifyFile(path); err != nil {
		return damaged(err)
	}
	return nil
}

// verifyFile checks a zap segment file: its last 4 bytes are the CRC-32
// (IEEE) of all the others, big-endian.
func verifyFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if fi.Size() < 4 {
		return fmt.Errorf("%s: %d bytes", path, fi.Size())
	}
	h := crc32.NewIEEE()
	if _, err := io.Copy(h, io.LimitReader(f, fi.Size()-4)); err != nil {
		return err
	}
	var sum [4]byte
	if _, err := io.ReadFull(f, sum[:]); err != nil {
		return err
	}
	if got, want := h.Sum32(), binary.BigEndian.Uint32(sum[:]); got != want {
		return fmt.Errorf("%s: checksum %08x, want %08x", path, got, want)
	}
	return nil
}

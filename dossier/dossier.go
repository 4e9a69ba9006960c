// Package dossier indexes a user's dossier — folders and files of articles
// in the formats of package ingest — into an index directory, and keeps it
// up to date: a run reads the files that changed since the last one,
// indexes the new and changed articles, deletes the vanished ones, and
// leaves the unchanged ones alone.
//
// A run never damages the index that searches use. It writes a new
// generation of the index beside the current one — a copy that shares the
// current one's segment files (hard links: scorch never rewrites them) —
// updates it, and only then switches to it by renaming the file CURRENT
// (see search.CurrentFile). A crash, a kill or Ctrl-C half-way leaves the
// previous generation whole, and the next run cleans up. A lock file keeps
// two runs from updating the same directory at once; the kernel releases it
// when a run dies.
//
// Files are read several at once; a JSONL file, which may hold a whole
// archive, is streamed (see ingest.Stream). Articles are annotated on all
// the cores in chunks of 500 while the previous chunk is indexed, so a run
// holds a few chunks in memory whatever the size of the dossier.
//
// Each generation keeps a manifest of the files it was built from — path,
// size, modification time, SHA-256, document ids — which is how the next
// run knows what changed: a file whose size and time are unchanged is not
// read; one whose content hash is unchanged is not indexed again.
package dossier

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/dossier-search/dossier-search/annotate"
	"github.com/dossier-search/dossier-search/ingest"
	"github.com/dossier-search/dossier-search/search"
)

// Options configure a run. The zero value works: default annotations, all
// the cores, no progress reports, warnings dropped.
type Options struct {
	// Annotator annotates each article before it is indexed.
	Annotator annotate.Annotator
	// Read tunes the reading of files.
	Read ingest.Options
	// Workers is the number of files read and annotated at once; 0 means
	// GOMAXPROCS.
	Workers int
	// Progress, when not nil, is called after each batch of documents
	// indexed (every 500 documents, or 256 files) and once at the end,
	// from the goroutine that called Index.
	Progress func(Progress)
	// Warn, when not nil, is called with each problem of an input, from the
	// goroutine that called Index.
	Warn func(ingest.Warning)
}

// Progress is how far a run has gone.
type Progress struct {
	Files, FilesTotal int   // article files handled, and found
	Bytes, BytesTotal int64 // their sizes; Bytes counts the part read of a file that is streamed
	Elapsed           time.Duration
}

// Summary says what a run did.
type Summary struct {
	Files     int   // article files found
	Skipped   int   // files of formats that are not read
	Bytes     int64 // size of the article files found
	Read      int64 // bytes read: the files that changed
	Text      int64 // bytes of the text indexed: titles and bodies of the articles added or updated
	Documents int   // documents in the index after the run
	Added     int   // documents new to the index
	Updated   int   // documents indexed again because their file changed
	Deleted   int   // documents whose file or article vanished
	Unchanged int   // documents of unchanged files, left as they were
	Warnings  int
	Elapsed   time.Duration
}

// ErrLocked reports that another run is updating the index directory.
var ErrLocked = errors.New("another index run is updating it")

const (
	lockFile     = ".lock"
	manifestFile = "manifest.json"
	genPrefix    = "gen-"
	tmpSuffix    = ".tmp"
	chunkFiles   = 256 // files read and annotated together before indexing
)

// Index brings the index in dir up to date with the articles under roots,
// creating dir if need be.
func Index(ctx context.Context, dir string, roots []string, opts Options) (Summary, error) {
	start := time.Now()
	var sum Summary
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return sum, fmt.Errorf("index %s: %w", dir, err)
	}
	unlock, err := lock(dir)
	if err != nil {
		return sum, fmt.Errorf("index %s: %w", dir, err)
	}
	defer unlock()
	cleanLeftovers(dir)

	r := &run{dir: dir, opts: opts, sum: &sum, start: start}
	if opts.Warn == nil {
		r.opts.Warn = func(ingest.Warning) {}
	}
	err = r.do(ctx, roots)
	sum.Elapsed = time.Since(start)
	return sum, err
}

type run struct {
	dir    string
	opts   Options
	sum    *Summary
	start  time.Time
	last   time.Time // of the last progress report
	files  int       // files handled
	bytes  int64     // bytes of the changed files handled
	toRead int64     // bytes of the changed files
}

func (r *run) warn(w ingest.Warning) {
	r.sum.Warnings++
	r.opts.Warn(w)
}

func (r *run) do(ctx context.Context, roots []string) error {
	sources, skipped, warnings := ingest.Walk(roots)
	for _, w := range warnings {
		r.warn(w)
	}
	r.sum.Files, r.sum.Skipped = len(sources), skipped
	for _, s := range sources {
		r.sum.Bytes += s.Size
	}

	current, err := search.Current(r.dir)
	if err != nil {
		return err
	}
	var prev *manifest
	if current != r.dir {
		prev, err = readManifest(current)
		if err != nil {
			r.warn(ingest.Warning{Path: filepath.Join(current, manifestFile), Msg: fmt.Sprintf("%v: indexing everything again", err)})
			current, prev = r.dir, nil
		}
	}
	if prev == nil {
		prev = &manifest{Files: map[string]fileEntry{}}
	}
	plan := r.plan(sources, prev)
	r.files = len(plan.unchanged)
	for _, s := range plan.changed {
		r.toRead += s.Size
	}
	r.progress(false)

	next := &manifest{Version: manifestVersion, Files: map[string]fileEntry{}}
	claimed := map[string]string{} // id → the file that has it
	for _, s := range plan.unchanged {
		e := prev.Files[s.Path]
		e.Size, e.ModTime = s.Size, s.ModTime
		var kept []string
		for _, id := range e.IDs {
			if other, ok := claimed[id]; ok {
				r.warn(ingest.Warning{Path: s.Path, Msg: fmt.Sprintf("duplicate id %q (also in %s), skipped", id, other)})
				continue
			}
			claimed[id] = s.Path
			kept = append(kept, id)
		}
		e.IDs = kept
		next.Files[s.Path] = e
		r.sum.Unchanged += len(kept)
	}

	// The next generation is made when there is something to write in it.
	g := &generation{run: r, current: current}
	defer g.abandon()
	oldIDs := prev.ids()
	if err := r.indexChanged(ctx, g, plan.changed, prev, next, claimed, oldIDs); err != nil {
		return err
	}
	var gone []string
	for id := range oldIDs {
		if _, ok := claimed[id]; !ok {
			gone = append(gone, id)
		}
	}
	slices.Sort(gone)
	r.sum.Deleted = len(gone)
	if len(gone) > 0 || current == r.dir {
		ix, err := g.index(ctx)
		if err != nil {
			return err
		}
		if err := ix.Delete(ctx, gone); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if g.ix == nil { // no document changed: the manifest may have (new times, same contents)
		if err := writeFileSync(filepath.Join(current, manifestFile+tmpSuffix), next.encode()); err != nil {
			return fmt.Errorf("write manifest: %w", err)
		}
		if err := os.Rename(filepath.Join(current, manifestFile+tmpSuffix), filepath.Join(current, manifestFile)); err != nil {
			return fmt.Errorf("write manifest: %w", err)
		}
		ix, err := search.OpenReadOnly(current)
		if err != nil {
			return err
		}
		defer ix.Close()
		n, err := ix.Count()
		r.sum.Documents = int(n)
		r.progress(true)
		return err
	}
	if err := g.ix.Compact(ctx); err != nil {
		return err
	}
	// What was written is read back against its checksums before it is
	// made current: 5 ms for the 43 MB index of the 20 MB corpus.
	if err := g.ix.Verify(ctx); err != nil {
		return err
	}
	n, err := g.ix.Count()
	if err != nil {
		return err
	}
	r.sum.Documents = int(n)
	if err := g.commit(next); err != nil {
		return err
	}
	r.progress(true)
	return nil
}

// generation is the next generation of the index, made at the first write.
type generation struct {
	run     *run
	current string // the directory of the current generation, or the index directory when there is none
	name    string // gen-000004
	ix      *search.Index
	done    bool
}

func (g *generation) index(ctx context.Context) (*search.Index, error) {
	if g.ix == nil {
		name, ix, err := g.run.newGeneration(ctx, g.current)
		if err != nil {
			return nil, err
		}
		g.name, g.ix = name, ix
	}
	return g.ix, nil
}

// commit closes the new generation and makes it current.
func (g *generation) commit(m *manifest) error {
	if err := g.ix.Close(); err != nil {
		return fmt.Errorf("close index: %w", err)
	}
	g.done = true
	if err := g.run.commit(g.name, m); err != nil {
		os.RemoveAll(filepath.Join(g.run.dir, g.name+tmpSuffix))
		return err
	}
	return nil
}

// abandon removes a generation that was not committed.
func (g *generation) abandon() {
	if g.ix != nil && !g.done {
		g.ix.Close()
		os.RemoveAll(filepath.Join(g.run.dir, g.name+tmpSuffix))
	}
}

// plan sorts the sources into those that changed since prev and those
// that did not, going by size and modification time.
type plan struct{ unchanged, changed []ingest.Source }

func (r *run) plan(sources []ingest.Source, prev *manifest) plan {
	var p plan
	for _, s := range sources {
		if e, ok := prev.Files[s.Path]; ok && e.Size == s.Size && e.ModTime.Equal(s.ModTime) {
			p.unchanged = append(p.unchanged, s)
			continue
		}
		p.changed = append(p.changed, s)
	}
	return p
}

// read is what the workers make of a changed file.
type read struct {
	src  ingest.Source
	data []byte // the file, when it is streamed: read by the producer, not a worker
	hash string
	docs []search.Document
	warn []ingest.Warning
	same bool // the content hash is that of the previous run: not indexed again
}

// work is what the reading goroutine hands to the indexing one: documents,
// annotated, and what to report.
type work struct {
	docs     []search.Document
	warnings []ingest.Warning
	files    int   // files done with this work
	bytes    int64 // their sizes, or the part read of a file that is streamed
}

// docChunk is the number of documents annotated together and then indexed
// in one batch.
const docChunk = 500

// indexChanged reads, annotates and indexes the changed files. A goroutine
// reads files (several at once), decides which documents to index, and
// annotates them in chunks of docChunk documents (by document, not by
// file: a dossier may be one JSONL file of thousands of articles, which is
// streamed), while the calling goroutine indexes the previous chunk.
func (r *run) indexChanged(ctx context.Context, g *generation, changed []ingest.Source, prev, next *manifest,
	claimed map[string]string, oldIDs map[string]bool) error {
	workers := cmp.Or(r.opts.Workers, runtime.GOMAXPROCS(0))
	works := make(chan work)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	c := &claims{prev: prev, next: next, claimed: claimed, oldIDs: oldIDs} // the producer's; added to r.sum when it is done
	go func() {
		defer close(works)
		var pending work
		// send annotates and hands over the pending documents by chunks:
		// full ones, or all when all is true. False means to stop.
		send := func(all bool) bool {
			for len(pending.docs) >= docChunk || all && (len(pending.docs) > 0 || pending.files > 0 || len(pending.warnings) > 0) {
				n := min(docChunk, len(pending.docs))
				w := work{docs: pending.docs[:n:n], warnings: pending.warnings, files: pending.files, bytes: pending.bytes}
				parallel(ctx, workers, len(w.docs), func(j int) { r.opts.Annotator.Document(&w.docs[j]) })
				pending = work{docs: pending.docs[n:]}
				select {
				case works <- w:
				case <-ctx.Done():
					return false
				}
			}
			return true
		}
		for i := 0; i < len(changed); i += chunkFiles {
			files := changed[i:min(i+chunkFiles, len(changed))]
			out := make([]read, len(files))
			parallel(ctx, workers, len(files), func(j int) {
				if !streamed(files[j]) { // read when their turn comes, one at a time
					out[j] = r.readFile(files[j], prev)
				}
			})
			for j := range out {
				if streamed(files[j]) {
					out[j] = r.readFile(files[j], prev)
				}
				rd := &out[j]
				var docs []search.Document
				if rd.data != nil {
					if !r.stream(rd, c, &pending, send) {
						return
					}
				} else {
					docs = c.file(rd)
				}
				pending.docs = append(pending.docs, docs...)
				pending.warnings = append(pending.warnings, rd.warn...)
				pending.files++
				pending.bytes += files[j].Size
				out[j] = read{} // let the file's data go once its documents are indexed
				if !send(false) {
					return
				}
			}
		}
		send(true)
	}()

	var err error
	for w := range works {
		for _, warning := range w.warnings {
			r.warn(warning)
		}
		if len(w.docs) > 0 && err == nil {
			var ix *search.Index
			if ix, err = g.index(ctx); err == nil {
				err = ix.Add(ctx, w.docs)
			}
			if err != nil {
				cancel() // the reading goroutine stops; drain what it sent
			}
		}
		r.files += w.files
		r.bytes += w.bytes
		r.progress(true)
	}
	r.sum.Read += c.sum.Read
	r.sum.Text += c.sum.Text
	r.sum.Added += c.sum.Added
	r.sum.Updated += c.sum.Updated
	r.sum.Unchanged += c.sum.Unchanged
	if err != nil {
		return err
	}
	return ctx.Err()
}

// stream reads a file whose articles are streamed, adding them to pending
// and sending full chunks as they come; it reports the part of the file
// read in pending.bytes, and leaves the rest of the file's size to the
// caller. False means to stop.
func (r *run) stream(rd *read, c *claims, pending *work, send func(bool) bool) bool {
	e := c.start(rd)
	ok := true
	reported := 0 // the part of the file read that pending.bytes counts
	warns := ingest.Stream(rd.src, rd.data, r.opts.Read, func(d search.Document, done int) bool {
		if w, take := c.doc(e, rd.src.Path, d); take {
			pending.docs = append(pending.docs, d)
		} else {
			pending.warnings = append(pending.warnings, w)
		}
		if len(pending.docs) >= docChunk {
			part := int64(done) * rd.src.Size / int64(len(rd.data)) // of the file's size, which progress counts
			pending.bytes += part - int64(reported)
			reported = int(part)
			ok = send(false)
		}
		return ok
	})
	pending.bytes -= int64(reported) // the caller adds the whole size
	rd.warn = append(rd.warn, warns...)
	c.end(rd.src.Path, e)
	return ok
}

// claims decides which documents of the files read to index, and records
// the files in the next manifest. It runs on the reading goroutine, in the
// order of the files.
type claims struct {
	prev, next *manifest
	claimed    map[string]string // id → the file that has it
	oldIDs     map[string]bool   // the ids of the previous run
	sum        Summary           // Read, Text, Added, Updated and Unchanged
}

// file records a file read whole and returns its documents to index:
// those whose ids no file before it claimed.
func (c *claims) file(rd *read) []search.Document {
	e := c.start(rd)
	var docs []search.Document
	if rd.same {
		for _, id := range c.prev.Files[rd.src.Path].IDs {
			if c.take(e, rd, id) {
				c.sum.Unchanged++
			}
		}
	} else {
		for _, d := range rd.docs {
			if w, ok := c.doc(e, rd.src.Path, d); ok {
				docs = append(docs, d)
			} else {
				rd.warn = append(rd.warn, w)
			}
		}
	}
	c.end(rd.src.Path, e)
	return docs
}

// start starts the manifest entry of a file read.
func (c *claims) start(rd *read) *fileEntry {
	if rd.hash != "" {
		c.sum.Read += rd.src.Size
	}
	return &fileEntry{Size: rd.src.Size, ModTime: rd.src.ModTime, SHA256: rd.hash}
}

// end records the manifest entry of a file.
func (c *claims) end(path string, e *fileEntry) { c.next.Files[path] = *e }

// doc claims the id of a document of the file of e; false, with a warning,
// when an earlier file has it.
func (c *claims) doc(e *fileEntry, path string, d search.Document) (ingest.Warning, bool) {
	if other, ok := c.claimed[d.ID]; ok {
		return ingest.Warning{Path: path, Msg: fmt.Sprintf("duplicate id %q (also in %s), skipped", d.ID, other)}, false
	}
	c.claimed[d.ID] = path
	e.IDs = append(e.IDs, d.ID)
	if c.oldIDs[d.ID] {
		c.sum.Updated++
	} else {
		c.sum.Added++
	}
	c.sum.Text += int64(len(d.Title) + len(d.Body))
	return ingest.Warning{}, true
}

// take claims an id of an unchanged file.
func (c *claims) take(e *fileEntry, rd *read, id string) bool {
	if other, ok := c.claimed[id]; ok {
		rd.warn = append(rd.warn, ingest.Warning{Path: rd.src.Path, Msg: fmt.Sprintf("duplicate id %q (also in %s), skipped", id, other)})
		return false
	}
	c.claimed[id] = rd.src.Path
	e.IDs = append(e.IDs, id)
	return true
}

// readFile reads and hashes one file, and parses it unless it is streamed
// (see run.stream).
func (r *run) readFile(src ingest.Source, prev *manifest) read {
	rd := read{src: src}
	data, err := os.ReadFile(src.Path)
	if err != nil {
		rd.warn = []ingest.Warning{{Path: src.Path, Msg: "cannot read: " + unwrapPath(err)}}
		return rd
	}
	sum := sha256.Sum256(data)
	rd.hash = hex.EncodeToString(sum[:])
	if e, ok := prev.Files[src.Path]; ok && e.SHA256 == rd.hash {
		rd.same = true
		return rd
	}
	if streamed(src) && len(data) > 0 {
		rd.data = data
		return rd
	}
	rd.docs, rd.warn = ingest.Read(src, data, r.opts.Read)
	return rd
}

// streamed reports whether the articles of a file are streamed rather
// than read all at once: JSONL, which may hold a whole archive.
func streamed(src ingest.Source) bool { return ingest.Format(cmp.Or(src.Rel, src.Path)) == "jsonl" }

// parallel calls f(0) … f(n-1) from the given number of goroutines, and
// stops handing out work when ctx is done.
func parallel(ctx context.Context, workers, n int, f func(int)) {
	var wg sync.WaitGroup
	jobs := make(chan int)
	for w := 0; w < min(workers, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				f(j)
			}
		}()
	}
	for j := 0; j < n && ctx.Err() == nil; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
}

// unwrapPath drops the path an *os.PathError repeats.
func unwrapPath(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// progress reports progress at most ten times a second, unless forced.
func (r *run) progress(force bool) {
	if r.opts.Progress == nil || !force && time.Since(r.last) < 100*time.Millisecond {
		return
	}
	r.last = time.Now()
	r.opts.Progress(Progress{Files: r.files, FilesTotal: r.sum.Files, Bytes: r.bytes, BytesTotal: r.toRead, Elapsed: time.Since(r.start)})
}

// newGeneration starts the next generation of the index: a copy of
// current, or a new index when current is the index directory itself (no
// generation yet, or one to rebuild), in a temporary directory that only
// commit names.
func (r *run) newGeneration(ctx context.Context, current string) (string, *search.Index, error) {
	n := 0 // the number of the current generation, even when it is not copied
	if cur, err := search.Current(r.dir); err == nil && cur != r.dir {
		fmt.Sscanf(strings.TrimPrefix(filepath.Base(cur), genPrefix), "%d", &n)
	}
	gen := fmt.Sprintf("%s%06d", genPrefix, n+1)
	tmp := filepath.Join(r.dir, gen+tmpSuffix)
	if current == r.dir {
		ix, err := search.Build(ctx, tmp, nil, search.Options{})
		return gen, ix, err
	}
	if err := cloneIndex(current, tmp); err != nil {
		os.RemoveAll(tmp)
		return "", nil, fmt.Errorf("copy index %s: %w", current, err)
	}
	ix, err := search.Open(tmp)
	if err != nil {
		os.RemoveAll(tmp)
		return "", nil, err
	}
	return gen, ix, nil
}

// cloneIndex copies the bleve index in src to dst, hard-linking its segment
// files, which scorch writes once and never changes, and copying the rest
// (the bolt root, the metadata), which it rewrites.
func cloneIndex(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case rel == manifestFile:
			return nil // the next manifest is written anew
		case strings.HasSuffix(path, ".zap"):
			if err := os.Link(path, target); err == nil {
				return nil
			}
			return copyFile(path, target) // another file system
		default:
			return copyFile(path, target)
		}
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// commit writes the manifest of the new generation, names it, makes it
// current, and removes the other generations.
func (r *run) commit(gen string, m *manifest) error {
	tmp := filepath.Join(r.dir, gen+tmpSuffix)
	if err := writeFileSync(filepath.Join(tmp, manifestFile), m.encode()); err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(r.dir, gen)); err != nil {
		return fmt.Errorf("name generation: %w", err)
	}
	current := filepath.Join(r.dir, search.CurrentFile)
	if err := writeFileSync(current+tmpSuffix, []byte(gen+"\n")); err != nil {
		return fmt.Errorf("write %s: %w", search.CurrentFile, err)
	}
	if err := os.Rename(current+tmpSuffix, current); err != nil {
		return fmt.Errorf("switch to %s: %w", gen, err)
	}
	syncDir(r.dir)
	entries, _ := os.ReadDir(r.dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), genPrefix) && e.Name() != gen {
			os.RemoveAll(filepath.Join(r.dir, e.Name())) // searches that hold it open keep their files
		}
	}
	return nil
}

// writeFileSync writes a file and flushes it to the disk.
func writeFileSync(name string, data []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// cleanLeftovers removes what an interrupted run left: its temporary
// generation and CURRENT.
func cleanLeftovers(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), tmpSuffix) && (strings.HasPrefix(e.Name(), genPrefix) || e.Name() == search.CurrentFile+tmpSuffix) {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// lock takes the lock of dir, or fails at once with ErrLocked.
func lock(dir string) (unlock func(), err error) {
	name := filepath.Join(dir, lockFile)
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		pid, _ := os.ReadFile(name)
		f.Close()
		if p := strings.TrimSpace(string(pid)); p != "" {
			return nil, fmt.Errorf("%w (process %s)", ErrLocked, p)
		}
		return nil, ErrLocked
	}
	f.Truncate(0)
	fmt.Fprintf(f, "%d\n", os.Getpid())
	return func() {
		f.Truncate(0)
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// manifest lists the files a generation was built from.
type manifest struct {
	Version int                  `json:"version"`
	Files   map[string]fileEntry `json:"files"`
}

const manifestVersion = 1

type fileEntry struct {
	Size    int64     `json:"size"`
	ModTime time.Time `json:"mtime"`
	SHA256  string    `json:"sha256"`
	IDs     []string  `json:"ids"`
}

func readManifest(genDir string) (*manifest, error) {
	data, err := os.ReadFile(filepath.Join(genDir, manifestFile))
	if err != nil {
		return nil, err
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	if m.Version != manifestVersion {
		return nil, fmt.Errorf("manifest version %d, want %d", m.Version, manifestVersion)
	}
	if m.Files == nil {
		m.Files = map[string]fileEntry{}
	}
	return &m, nil
}

func (m *manifest) encode() []byte {
	data, _ := json.MarshalIndent(m, "", " ") // maps of plain values: cannot fail
	return data
}

// ids returns the set of the document ids of the manifest.
func (m *manifest) ids() map[string]bool {
	ids := map[string]bool{}
	for _, e := range m.Files {
		for _, id := range e.IDs {
			ids[id] = true
		}
	}
	return ids
}

package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// Scorch persists segments and merges them in goroutines of its own, and
// reports their errors — a full disk, a file too large — only to a
// callback: a batch then waits for ever for the persistence it asked for,
// and a forced merge for a merge that fails again and again. So each index
// that scorch writes on disk registers here, and the methods that wait for
// scorch give up with the first error of its background work.

// asyncErrorCallback is the name of the callback in scorch's registry.
const asyncErrorCallback = "dossier-search"

// writers are the indexes on disk opened for writing, by the path scorch
// gives the callback: its store directory.
var writers sync.Map // string → *failure

func init() {
	scorch.RegistryAsyncErrorCallbacks[asyncErrorCallback] = func(err error, path string) {
		if errors.Is(err, scorch.ErrCleanup) {
			return // old files not removed: they are removed later
		}
		if f, ok := writers.Load(path); ok {
			f.(*failure).set(err)
		}
	}
}

// failure is the first error of scorch's background work on an index.
type failure struct {
	store string // the store directory: the key in writers
	once  sync.Once
	done  chan struct{} // closed when err is set
	err   error
}

func (f *failure) set(err error) {
	f.once.Do(func() {
		var se *scorch.ScorchError
		if errors.As(err, &se) {
			// « merging err: merging failed: write …: no space left on device »
			msg := se.ErrMsg
			for _, prefix := range []string{"merging err: ", "merging failed: ", "got err persisting snapshot: "} {
				msg = strings.TrimPrefix(msg, prefix)
			}
			err = errors.New(msg)
		}
		f.err = fmt.Errorf("write index: %w", err)
		close(f.done)
	})
}

// get returns the error, or nil.
func (f *failure) get() error {
	if f == nil {
		return nil
	}
	select {
	case <-f.done:
		return f.err
	default:
		return nil
	}
}

// storePath is where bleve keeps the scorch index of the bleve index in dir.
func storePath(dir string) string { return dir + string(os.PathSeparator) + "store" }

// watch registers ix, on disk and writable, for the errors of scorch's
// background work; Close unregisters it.
func (ix *Index) watch(dir string) {
	ix.failure = &failure{store: storePath(dir), done: make(chan struct{})}
	writers.Store(ix.failure.store, ix.failure)
}

// wait runs f, which waits for scorch's background work, until it returns or
// that work fails. When it fails, f is left waiting: the index is of no
// more use but to be closed.
func (ix *Index) wait(f func() error) error {
	if ix.failure == nil {
		return f()
	}
	if err := ix.failure.get(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-ix.failure.done:
		return ix.failure.err
	}
}

// waitMerge is wait for a forced merge, which takes a context: it is
// cancelled when the background work fails, which ends the merge.
func (ix *Index) waitMerge(ctx context.Context, merge func(context.Context) error) error {
	if ix.failure == nil {
		return merge(ctx)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		select {
		case <-ix.failure.done:
			cancel()
		case <-ctx.Done():
		}
	}()
	err := merge(ctx)
	if f := ix.failure.get(); f != nil {
		return f
	}
	return err
}

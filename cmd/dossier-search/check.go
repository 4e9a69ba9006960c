package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/dossier-search/dossier-search/search"
)

// checkCommand reads the whole index of --index against its checksums
// (search.Index.Verify) and says whether it is intact.
func checkCommand(ctx context.Context, e env, o options, args []string) error {
	if len(args) > 0 {
		return usageError{"check takes no argument but --index DIR"}
	}
	dir := indexDir(e, o)
	if dir == "" {
		return usageError{"check needs --index DIR (the embedded dossier is checked, and built again if need be, at each run)"}
	}
	start := time.Now()
	ix, err := search.OpenReadOnly(dir)
	if errors.Is(err, search.ErrNoIndex) {
		return usageError{err.Error()}
	}
	if err != nil {
		return err
	}
	defer ix.Close()
	if err := ix.Verify(ctx); err != nil {
		return fmt.Errorf("check %s: %w", dir, err)
	}
	n, err := ix.Count()
	if err != nil {
		return err
	}
	files, err := ix.Files()
	if err != nil {
		return err
	}
	var size int64
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil {
			size += fi.Size()
		}
	}
	fmt.Fprintf(e.stdout, "%s: intact · %d documents, %.1f MB checked in %.1f s\n", dir, n, float64(size)/1e6, time.Since(start).Seconds())
	return nil
}

// watchdogLimit bounds the time of a search, a timeline or a show.
const watchdogLimit = time.Minute

// watch runs f, and gives up when it does not return within limit, or
// within a second of the end of ctx (Ctrl-C): the queries are bounded, and
// only a loop in bleve's decoding of a damaged index, which heeds no
// context, runs that long.
func watch(ctx context.Context, limit time.Duration, f func() error) error {
	done := make(chan error, 1)
	go func() { done <- f() }()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case err := <-done:
		return err
	case <-timer.C:
		return fmt.Errorf("no answer after %v: the index may be damaged (dossier-search check --index DIR)", limit)
	case <-ctx.Done():
		select {
		case err := <-done:
			return err
		case <-time.After(time.Second):
			return ctx.Err()
		}
	}
}

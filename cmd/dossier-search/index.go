package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dossier-search/dossier-search/dossier"
	"github.com/dossier-search/dossier-search/ingest"
)

// indexCommand runs dossier-search index PATH... --out DIR.
func indexCommand(ctx context.Context, e env, o options, paths []string) error {
	if o.out == "" {
		return usageError{"index needs --out DIR, the index directory to create or update"}
	}
	if len(paths) == 0 {
		return usageError{"index needs the files or folders of articles to read"}
	}
	a, err := annotator(o)
	if err != nil {
		return err
	}
	opts := dossier.Options{
		Annotator: a,
		Read:      ingest.Options{MaxArticleBytes: o.maxSize << 20},
		Warn: func(w ingest.Warning) {
			e.clearProgress()
			fmt.Fprintf(e.stderr, "dossier-search: warning: %s\n", oneLine(w.String()))
		},
	}
	if e.stderrTerminal {
		opts.Progress = func(p dossier.Progress) { e.showProgress(progressLine(p)) }
	}
	sum, err := dossier.Index(ctx, o.out, paths, opts)
	e.clearProgress()
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("index %s: interrupted; the previous index is unchanged", o.out)
	}
	if err != nil {
		return err
	}
	recordIndex(e, o.out)
	fmt.Fprintln(e.stdout, summaryLine(sum))
	if o.strict && sum.Warnings > 0 {
		return strictError{sum.Warnings}
	}
	return nil
}

// strictError is the failure of a run with warnings under --strict.
type strictError struct{ n int }

func (e strictError) Error() string {
	return fmt.Sprintf("%d %s with --strict", e.n, pluralInt(e.n, "warning", "warnings"))
}

// summaryLine is the last line of an index run.
func summaryLine(s dossier.Summary) string {
	secs := s.Elapsed.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(s.Text) / 1e6 / secs
	}
	return fmt.Sprintf("%d %s in the index: %d added, %d updated, %d deleted, %d unchanged · %d files, %.1f MB of text indexed in %.1f s (%.1f MB/s) · %d %s",
		s.Documents, pluralInt(s.Documents, "document", "documents"), s.Added, s.Updated, s.Deleted, s.Unchanged,
		s.Files, float64(s.Text)/1e6, secs, rate, s.Warnings, pluralInt(s.Warnings, "warning", "warnings"))
}

// progressLine draws a progress bar: files, megabytes, rate, time left.
func progressLine(p dossier.Progress) string {
	frac := 1.0
	if p.BytesTotal > 0 {
		frac = float64(p.Bytes) / float64(p.BytesTotal)
	}
	const width = 24
	done := int(frac * width)
	bar := strings.Repeat("=", done) + strings.Repeat(" ", width-done)
	rate := 0.0
	if s := p.Elapsed.Seconds(); s > 0 {
		rate = float64(p.Bytes) / 1e6 / s
	}
	eta := "?"
	if rate > 0 {
		left := time.Duration(float64(p.BytesTotal-p.Bytes) / 1e6 / rate * float64(time.Second))
		eta = left.Round(time.Second).String()
	}
	return fmt.Sprintf("[%s] %d/%d files · %.1f/%.1f MB · %.1f MB/s · %s left",
		bar, p.Files, p.FilesTotal, float64(p.Bytes)/1e6, float64(p.BytesTotal)/1e6, rate, eta)
}

// showProgress rewrites the progress line of a terminal.
func (e env) showProgress(line string) {
	fmt.Fprintf(e.stderr, "\r\x1b[K%s", line)
	*e.progressShown = true
}

// clearProgress erases the progress line, if one is shown.
func (e env) clearProgress() {
	if e.progressShown != nil && *e.progressShown {
		io.WriteString(e.stderr, "\r\x1b[K")
		*e.progressShown = false
	}
}

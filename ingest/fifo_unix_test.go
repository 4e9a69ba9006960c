//go:build unix

package ingest

import (
	"path/filepath"
	"syscall"
	"testing"
)

// TestReadFileFIFO checks that ReadFile does not wait on a named pipe
// named like an article.
func TestReadFileFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pipe.txt")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	_, warns := ReadFile(Source{Path: p, Rel: "pipe.txt"}, Options{})
	if len(warns) != 1 || warns[0].Msg != "not a regular file, skipped" {
		t.Errorf("warnings %v", warns)
	}
}

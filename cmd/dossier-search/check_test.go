package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-search/dossier-search/search"
)

// TestCheck checks an intact index, then one with a byte changed in the
// middle of a segment, which only check finds, then one with a segment
// removed, which opening finds: one line each, naming the damage.
func TestCheck(t *testing.T) {
	out := filepath.Join(t.TempDir(), "index")
	if r := command(t, nil, "index", "../../ingest/testdata/articles", "--out", out); r.code != 0 {
		t.Fatalf("index: %s", r.stderr)
	}
	r := command(t, nil, "check", "--index", out)
	if r.code != 0 || !strings.Contains(r.stdout, "intact") {
		t.Fatalf("check of an intact index: %d %q %q", r.code, r.stdout, r.stderr)
	}
	gen, _ := search.Current(out)
	zaps, _ := filepath.Glob(filepath.Join(gen, "store", "*.zap"))
	if len(zaps) == 0 {
		t.Fatal("no segment")
	}
	b, _ := os.ReadFile(zaps[0])
	b[len(b)/2] ^= 0x20
	os.WriteFile(zaps[0], b, 0o644)
	r = command(t, nil, "check", "--index", out)
	if r.code != 1 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "index damaged, index the articles again") ||
		!strings.Contains(r.stderr, "checksum") {
		t.Errorf("check of a damaged index: %d %q", r.code, r.stderr)
	}
	os.Remove(zaps[0])
	r = command(t, nil, "--index", out, "Microsoft")
	if r.code != 1 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "index damaged, index the articles again") {
		t.Errorf("search of an index without its segment: %d %q", r.code, r.stderr)
	}
	if r := command(t, nil, "check"); r.code != 2 || !strings.Contains(r.stderr, "check needs --index") {
		t.Errorf("check without --index: %d %q", r.code, r.stderr)
	}
}

// TestWatch gives up on a command that does not end: after its time, or a
// second after an interruption.
func TestWatch(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	hang := func() error { <-block; return nil }
	err := watch(context.Background(), 20*time.Millisecond, hang)
	if err == nil || !strings.Contains(err.Error(), "no answer after 20ms") {
		t.Errorf("watch of a hang: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	if err := watch(ctx, time.Hour, hang); !errors.Is(err, context.Canceled) || time.Since(start) > 3*time.Second {
		t.Errorf("watch of a hang interrupted: %v after %v", err, time.Since(start))
	}
	if err := watch(context.Background(), time.Hour, func() error { return errors.New("x") }); err == nil || err.Error() != "x" {
		t.Errorf("watch of an error: %v", err)
	}
}

// TestVerifiedOnce searches with a cache directory: the index run records
// its segment files as verified, searches add nothing, and a segment
// rewritten with a damaged byte is read whole at the next search, which
// fails in one line instead of reading damaged data.
func TestVerifiedOnce(t *testing.T) {
	out, cache := filepath.Join(t.TempDir(), "index"), t.TempDir()
	env := []string{"DOSSIER_CACHE_DIR=" + cache}
	if r := command(t, env, "index", "../../ingest/testdata/articles", "--out", out); r.code != 0 {
		t.Fatalf("index: %s", r.stderr)
	}
	gen, _ := search.Current(out)
	zaps, _ := filepath.Glob(filepath.Join(gen, "store", "*.zap"))
	lines := func() int {
		b, _ := os.ReadFile(filepath.Join(cache, "verified"))
		return strings.Count(string(b), "\n")
	}
	if n := lines(); n != len(zaps) {
		t.Fatalf("the index run recorded %d files, want %d", n, len(zaps))
	}
	for range 2 {
		if r := command(t, env, "--index", out, "Microsoft"); r.code != 0 {
			t.Fatalf("search: %d %s", r.code, r.stderr)
		}
	}
	if n := lines(); n != len(zaps) {
		t.Errorf("after two searches %d files are recorded, want %d", n, len(zaps))
	}
	b, _ := os.ReadFile(zaps[0])
	b[len(b)/2] ^= 0x20
	time.Sleep(10 * time.Millisecond) // another modification time
	os.WriteFile(zaps[0], b, 0o644)
	r := command(t, env, "--index", out, "Microsoft")
	if r.code != 1 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "index damaged") || !strings.Contains(r.stderr, "checksum") {
		t.Errorf("search of a damaged segment: %d %q", r.code, r.stderr)
	}
}

package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dossier-search/dossier-search/search"
)

// TestIndexFormats indexes the example articles of every format and the
// bad inputs of package ingest: each problem is one line on stderr, every
// good article is found, and --strict turns the warnings into a failure.
func TestIndexFormats(t *testing.T) {
	out := filepath.Join(t.TempDir(), "index")
	good, bad := "../../ingest/testdata/articles", "../../ingest/testdata/bad"
	r := command(t, nil, "index", good, bad, "--out", out)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "documents in the index") || strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("summary %q", r.stdout)
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	for _, l := range lines {
		if !strings.HasPrefix(l, "dossier-search: warning: "+bad) {
			t.Errorf("warning %q does not name a file of the bad inputs", l)
		}
	}
	if len(lines) < 10 {
		t.Errorf("%d warnings for the bad inputs:\n%s", len(lines), r.stderr)
	}
	if !strings.Contains(r.stdout, fmt.Sprintf("%d warnings", len(lines))) {
		t.Errorf("the summary does not count the %d warnings: %s", len(lines), r.stdout)
	}
	// Every good file gave articles.
	r = command(t, nil, "--index", out, "--json", "--limit", "100", "*")
	for _, f := range []string{"a.txt", "b.md", "c.html", "g.html"} {
		if !strings.Contains(r.stdout, `"id":"`+f+`"`) {
			t.Errorf("%s is not in the index", f)
		}
	}
	// --strict: the same run fails.
	r = command(t, nil, "index", bad, "--out", filepath.Join(t.TempDir(), "strict"), "--strict")
	if r.code != 1 || !strings.Contains(r.stderr, "with --strict") {
		t.Errorf("--strict: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestShow(t *testing.T) {
	r := command(t, nil, "show", "003_6ff86a6e1dad416c")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"published: 2023-04 (header)", "actors:", "Sam Altman", "topics:", "dates:", "« fin octobre 2022 »",
		"Alors que sa croisade contre Apple"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("show lacks %q:\n%s", want, r.stdout)
		}
	}
	r = command(t, nil, "show", "--json", "004_162c5923d331159a")
	if r.code != 0 || !strings.Contains(r.stdout, `"actors":["Twitter"`) || !strings.Contains(r.stdout, `"body":"Plus tôt cette semaine`) {
		t.Errorf("show --json: %d %s", r.code, r.stdout)
	}
	r = command(t, nil, "show", "nope")
	if r.code != 2 || !strings.Contains(r.stderr, `no document "nope"`) {
		t.Errorf("show of a missing id: %d %q", r.code, r.stderr)
	}
}

// TestIndexKilled kills (SIGKILL) an index run half-way: the previous
// index still opens and answers, the next run works.
func TestIndexKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a process indexing 3,000 files")
	}
	src, out := t.TempDir(), filepath.Join(t.TempDir(), "index")
	os.WriteFile(filepath.Join(src, "first.txt"), []byte("Premier\n\nLe premier article, sur Microsoft."), 0o644)
	if r := command(t, nil, "index", src, "--out", out); r.code != 0 {
		t.Fatalf("first run: %s", r.stderr)
	}
	for i := 0; i < 3000; i++ {
		text := fmt.Sprintf("Article %d\n\nUn article de plus sur Twitter et l’API payante, numéro %d, avec Elon Musk.", i, i)
		os.WriteFile(filepath.Join(src, fmt.Sprintf("more-%04d.txt", i)), []byte(text), 0o644)
	}
	cmd := exec.Command(os.Args[0], "index", src, "--out", out)
	cmd.Env = append(os.Environ(), "DOSSIER_SEARCH_MAIN=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once it writes its new generation.
	deadline := time.Now().Add(30 * time.Second)
	for {
		if tmp, _ := filepath.Glob(filepath.Join(out, "gen-*.tmp", "store", "*.zap")); len(tmp) > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the run wrote no segment of its new generation")
		}
		time.Sleep(2 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()

	ix, err := search.OpenReadOnly(out)
	if err != nil {
		t.Fatalf("the previous index does not open: %v", err)
	}
	res, err := ix.Search(context.Background(), search.Request{Query: "Microsoft"})
	n, _ := ix.Count()
	ix.Close()
	if err != nil || n != 1 || res.Total != 1 {
		t.Fatalf("the previous index holds %d documents, answers %v, %v", n, res, err)
	}
	r := command(t, nil, "index", src, "--out", out)
	if r.code != 0 || !strings.Contains(r.stdout, "3001 documents in the index") {
		t.Errorf("the run after the kill: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestIndexKilledAnywhere kills (SIGKILL) index runs at random moments:
// runs that add 3,000 files and runs that delete them, in turn. After each
// kill the index opens, reads back intact (Verify), and holds the
// documents of before the run or of after it, never others.
// $DOSSIER_KILLS sets the number of kills (HARDENING.md quotes 100).
func TestIndexKilledAnywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes indexing 3,000 files")
	}
	kills := 6
	if n, err := strconv.Atoi(os.Getenv("DOSSIER_KILLS")); err == nil {
		kills = n
	}
	src, out, aside := t.TempDir(), filepath.Join(t.TempDir(), "index"), t.TempDir()
	os.WriteFile(filepath.Join(src, "first.txt"), []byte("Premier\n\nLe premier article, sur Microsoft."), 0o644)
	more := filepath.Join(src, "more")
	os.Mkdir(more, 0o755)
	for i := range 3000 {
		text := fmt.Sprintf("Article %d\n\nUn article de plus sur Twitter et l’API payante, numéro %d, avec Elon Musk.", i, i)
		os.WriteFile(filepath.Join(more, fmt.Sprintf("more-%04d.txt", i)), []byte(text), 0o644)
	}
	start := time.Now()
	if r := command(t, nil, "index", src, "--out", out); r.code != 0 {
		t.Fatalf("first run: %s", r.stderr)
	}
	full := time.Since(start)
	rng := rand.New(rand.NewPCG(3, 5))
	docs := uint64(3001)
	outcomes := map[string]int{}
	for i := range kills {
		// Move the 3,000 files out, or back in.
		want := map[uint64]bool{docs: true}
		if docs == 3001 {
			os.Rename(more, filepath.Join(aside, "more"))
			want[1] = true
		} else {
			os.Rename(filepath.Join(aside, "more"), more)
			want[3001] = true
		}
		cmd := exec.Command(os.Args[0], "index", src, "--out", out)
		cmd.Env = append(os.Environ(), "DOSSIER_SEARCH_MAIN=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(rng.Int64N(int64(full * 6 / 5)))
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()

		ix, oerr := search.OpenReadOnly(out)
		if oerr != nil {
			t.Fatalf("kill %d after %v: the index does not open: %v", i, delay, oerr)
		}
		verr := ix.Verify(context.Background())
		n, _ := ix.Count()
		ix.Close()
		if verr != nil || !want[n] {
			t.Fatalf("kill %d after %v: %d documents, Verify: %v", i, delay, n, verr)
		}
		switch {
		case err == nil:
			outcomes["ended before the kill"]++
		case n == docs:
			outcomes["killed, previous index kept"]++
		default:
			outcomes["killed after the switch"]++
		}
		docs = n
	}
	t.Logf("%d kills in runs of %v: %v", kills, full, outcomes)
	if tmp, _ := filepath.Glob(filepath.Join(out, "*.tmp")); len(tmp) > 0 {
		r := command(t, nil, "index", src, "--out", out)
		if tmp, _ := filepath.Glob(filepath.Join(out, "*.tmp")); r.code != 0 || len(tmp) > 0 {
			t.Errorf("the run after the kills: %d %s, leftovers %v", r.code, r.stderr, tmp)
		}
	}
}

// TestIndexDiskFull runs index with a limit on the size of the files it
// writes, which makes writes fail as on a full disk: the run fails with
// one line naming the problem, the previous index still opens and answers,
// nothing of the failed run remains, and the next run works.
func TestIndexDiskFull(t *testing.T) {
	src, out := t.TempDir(), filepath.Join(t.TempDir(), "index")
	os.WriteFile(filepath.Join(src, "first.txt"), []byte("Premier\n\nLe premier article, sur Microsoft."), 0o644)
	if r := command(t, nil, "index", src, "--out", out); r.code != 0 {
		t.Fatalf("first run: %s", r.stderr)
	}
	before, _ := search.Current(out)
	for i := range 2000 {
		text := fmt.Sprintf("Article %d\n\nUn article de plus sur Twitter et l’API payante, numéro %d, avec Elon Musk et le mot%d.", i, i, i)
		os.WriteFile(filepath.Join(src, fmt.Sprintf("more-%04d.txt", i)), []byte(text), 0o644)
	}
	r := command(t, []string{"DOSSIER_SEARCH_FSIZE=300000"}, "index", src, "--out", out)
	if r.code == 0 {
		t.Fatalf("the run succeeded with files limited to 300 KB: %s", r.stdout)
	}
	if strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 || !strings.Contains(r.stderr, "file too large") ||
		strings.Contains(r.stderr, "goroutine") {
		t.Errorf("stderr is not one line about the size of a file: %q", r.stderr)
	}
	t.Logf("exit %d: %s", r.code, r.stderr)
	if now, _ := search.Current(out); now != before {
		t.Errorf("the current generation changed from %s to %s", before, now)
	}
	if tmp, _ := filepath.Glob(filepath.Join(out, "*.tmp")); len(tmp) != 0 {
		t.Errorf("leftovers of the failed run: %v", tmp)
	}
	ix, err := search.OpenReadOnly(out)
	if err != nil {
		t.Fatalf("the previous index does not open: %v", err)
	}
	n, _ := ix.Count()
	ix.Close()
	if n != 1 {
		t.Errorf("the previous index holds %d documents, want 1", n)
	}
	if r := command(t, nil, "index", src, "--out", out); r.code != 0 || !strings.Contains(r.stdout, "2001 documents in the index") {
		t.Errorf("the next run: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestIndexReadOnly runs index on an index directory it may not write:
// one line says so, and the index still answers. Root writes anyway, so
// the test needs another user (HARDENING.md has the same test on a
// file system mounted read-only).
func TestIndexReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write in a directory without write permission")
	}
	src, out := t.TempDir(), filepath.Join(t.TempDir(), "index")
	os.WriteFile(filepath.Join(src, "first.txt"), []byte("Premier\n\nLe premier article, sur Microsoft."), 0o644)
	if r := command(t, nil, "index", src, "--out", out); r.code != 0 {
		t.Fatalf("first run: %s", r.stderr)
	}
	os.WriteFile(filepath.Join(src, "second.txt"), []byte("Second\n\nLe second article, sur Twitter."), 0o644)
	lock := func(mode os.FileMode) {
		filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				os.Chmod(path, mode)
			}
			return nil
		})
	}
	lock(0o555)
	defer lock(0o755)
	r := command(t, nil, "index", src, "--out", out)
	if r.code == 0 || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 || !strings.Contains(r.stderr, "permission denied") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	r = command(t, nil, "--index", out, "Microsoft")
	if r.code != 0 || !strings.Contains(r.stdout, "1 document") {
		t.Errorf("search of the read-only index: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestIndexLocked runs index while another run holds the lock.
func TestIndexLocked(t *testing.T) {
	out := t.TempDir()
	f, err := os.OpenFile(filepath.Join(out, ".lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(f, 4242)
	r := command(t, nil, "index", "../../ingest/testdata/articles", "--out", out)
	if r.code == 0 || !strings.Contains(r.stderr, "another index run is updating it (process 4242)") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

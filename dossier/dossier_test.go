package dossier

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dossier-search/dossier-search/ingest"
	"github.com/dossier-search/dossier-search/search"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// hits returns the ids of the documents of the index in dir that match q.
func hits(t *testing.T, dir, q string) []string {
	t.Helper()
	ix, err := search.OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	res, err := ix.Search(context.Background(), search.Request{Query: q, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	slices.Sort(ids)
	return ids
}

func TestIncremental(t *testing.T) {
	src, out := t.TempDir(), filepath.Join(t.TempDir(), "index")
	write(t, filepath.Join(src, "a.txt"), "Microsoft refuse de payer\n\nMicrosoft refuse de payer l’API de Twitter.")
	write(t, filepath.Join(src, "sub", "b.md"), "---\ntitle: Le procès\ndate: 2023-04-20\n---\nElon Musk menace Microsoft d’un procès.")
	write(t, filepath.Join(src, "c.jsonl"), `{"id":"c1","title":"Un","text":"Premier article sur Twitter."}`+"\n"+
		`{"id":"c2","title":"Deux","text":"Second article sur OpenAI."}`+"\n")
	ctx := context.Background()

	sum, err := Index(ctx, out, []string{src}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 4 || sum.Documents != 4 || sum.Warnings != 0 {
		t.Fatalf("first run: %+v", sum)
	}
	if got := hits(t, out, "*"); !slices.Equal(got, []string{"a.txt", "c1", "c2", "sub/b.md"}) {
		t.Fatalf("ids %v", got)
	}
	gen1, _ := search.Current(out)

	// Nothing changed: nothing read, no new generation.
	sum, err = Index(ctx, out, []string{src}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Unchanged != 4 || sum.Added+sum.Updated+sum.Deleted != 0 || sum.Read != 0 {
		t.Errorf("second run: %+v", sum)
	}
	if gen, _ := search.Current(out); gen != gen1 {
		t.Errorf("an unchanged dossier made generation %s after %s", gen, gen1)
	}

	// A changed file, a new one, a vanished one, a touched one.
	write(t, filepath.Join(src, "a.txt"), "Microsoft paiera\n\nFinalement, Microsoft paiera pour l’API.")
	write(t, filepath.Join(src, "d.txt"), "Nouveau\n\nUn article nouveau sur Apple.")
	os.Remove(filepath.Join(src, "sub", "b.md"))
	later := time.Now().Add(time.Hour)
	os.Chtimes(filepath.Join(src, "c.jsonl"), later, later)
	sum, err = Index(ctx, out, []string{src}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 1 || sum.Updated != 1 || sum.Deleted != 1 || sum.Unchanged != 2 || sum.Documents != 4 {
		t.Errorf("third run: %+v", sum)
	}
	if got := hits(t, out, "*"); !slices.Equal(got, []string{"a.txt", "c1", "c2", "d.txt"}) {
		t.Errorf("ids %v", got)
	}
	if got := hits(t, out, "paiera"); !slices.Equal(got, []string{"a.txt"}) {
		t.Errorf("the changed file is not indexed anew: %v", got)
	}
	if got := hits(t, out, "procès"); len(got) != 0 {
		t.Errorf("the vanished file is still found: %v", got)
	}
	entries, _ := filepath.Glob(filepath.Join(out, "gen-*"))
	if len(entries) != 1 {
		t.Errorf("generations left: %v", entries)
	}
}

func TestDuplicateIDs(t *testing.T) {
	src, out := t.TempDir(), filepath.Join(t.TempDir(), "index")
	write(t, filepath.Join(src, "a.jsonl"), `{"id":"x","title":"A","text":"Texte A."}`+"\n")
	write(t, filepath.Join(src, "b.jsonl"), `{"id":"x","title":"B","text":"Texte B."}`+"\n"+`{"id":"y","title":"C","text":"Texte C."}`+"\n")
	var warnings []string
	sum, err := Index(context.Background(), out, []string{src}, Options{Warn: func(w ingest.Warning) { warnings = append(warnings, w.String()) }})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Documents != 2 || sum.Warnings != 1 || len(warnings) != 1 || !strings.Contains(warnings[0], `duplicate id "x"`) {
		t.Errorf("summary %+v, warnings %q", sum, warnings)
	}
}

func TestLocked(t *testing.T) {
	src, out := t.TempDir(), filepath.Join(t.TempDir(), "index")
	write(t, filepath.Join(src, "a.txt"), "Titre\n\nTexte.")
	os.MkdirAll(out, 0o755)
	unlock, err := lock(out)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Index(context.Background(), out, []string{src}, Options{})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "process") {
		t.Errorf("second run while locked: %v", err)
	}
	unlock()
	if _, err := Index(context.Background(), out, []string{src}, Options{}); err != nil {
		t.Errorf("after unlock: %v", err)
	}
}

// TestInterrupted cancels a run half-way: the previous index stays whole
// and current, and nothing of the interrupted run remains.
func TestInterrupted(t *testing.T) {
	src, out := t.TempDir(), filepath.Join(t.TempDir(), "index")
	write(t, filepath.Join(src, "first.txt"), "Premier\n\nLe premier article.")
	ctx := context.Background()
	if _, err := Index(ctx, out, []string{src}, Options{}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3*chunkFiles; i++ {
		write(t, filepath.Join(src, "more", strings.Repeat("x", i%7)+string(rune('a'+i%26))+strings.Repeat("y", i/26)+".txt"),
			"Un autre\n\nUn autre article sur Microsoft.")
	}
	ctx, cancel := context.WithCancel(ctx)
	_, err := Index(ctx, out, []string{src}, Options{Progress: func(p Progress) {
		if p.Files > chunkFiles {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted run: %v", err)
	}
	if got := hits(t, out, "*"); !slices.Equal(got, []string{"first.txt"}) {
		t.Errorf("after the interruption the index holds %d documents, want the first one", len(got))
	}
	if tmp, _ := filepath.Glob(filepath.Join(out, "*.tmp")); len(tmp) != 0 {
		t.Errorf("leftovers: %v", tmp)
	}
	sum, err := Index(context.Background(), out, []string{src}, Options{})
	if err != nil || sum.Documents != 1+3*chunkFiles {
		t.Errorf("the next run: %+v, %v", sum, err)
	}
}

// TestDamagedManifest indexes everything again when the manifest of the
// current generation cannot be read, and says so.
func TestDamagedManifest(t *testing.T) {
	src, out := t.TempDir(), filepath.Join(t.TempDir(), "index")
	write(t, filepath.Join(src, "a.txt"), "Titre\n\nTexte.")
	if _, err := Index(context.Background(), out, []string{src}, Options{}); err != nil {
		t.Fatal(err)
	}
	gen, _ := search.Current(out)
	write(t, filepath.Join(gen, manifestFile), "{not json")
	sum, err := Index(context.Background(), out, []string{src}, Options{})
	if err != nil || sum.Added != 1 || sum.Warnings != 1 || sum.Documents != 1 {
		t.Errorf("%+v, %v", sum, err)
	}
}

// TestStreamed indexes a JSONL file of several chunks: progress moves
// through the file, the duplicates in it are warned about, and a run
// interrupted in the middle of the file leaves the previous index as it
// was.
func TestStreamed(t *testing.T) {
	src, out := t.TempDir(), filepath.Join(t.TempDir(), "index")
	path := filepath.Join(src, "archive.jsonl")
	var b strings.Builder
	n := 2*docChunk + 100
	for i := range n {
		fmt.Fprintf(&b, "{\"id\":\"a%d\",\"title\":\"Titre %d\",\"text\":\"Un article sur Microsoft, numéro %d.\"}\n", i, i, i)
	}
	b.WriteString("{\"id\":\"a7\",\"text\":\"Le même id.\"}\n")
	write(t, path, b.String())
	ctx := context.Background()

	var steps []Progress
	var warnings []string
	sum, err := Index(ctx, out, []string{src}, Options{
		Progress: func(p Progress) { steps = append(steps, p) },
		Warn:     func(w ingest.Warning) { warnings = append(warnings, w.Msg) },
	})
	if err != nil || sum.Documents != n || sum.Added != n || sum.Warnings != 1 {
		t.Fatalf("%+v, %v, %v", sum, err, warnings)
	}
	var middle int // reports in the middle of the file
	for _, p := range steps {
		if p.Files == 0 && p.Bytes > 0 && p.Bytes < p.BytesTotal {
			middle++
		}
	}
	if middle < 2 {
		t.Errorf("progress did not move through the file: %+v", steps)
	}

	write(t, path, strings.ReplaceAll(b.String(), "Microsoft", "Apple"))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	_, err = Index(ctx, out, []string{src}, Options{Progress: func(p Progress) {
		if p.Bytes > 0 && p.Files == 0 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted run: %v", err)
	}
	ix, err := search.OpenReadOnly(out)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string]uint64{"Microsoft": uint64(n), "Apple": 0} {
		if res, err := ix.Search(context.Background(), search.Request{Query: q}); err != nil || res.Total != want {
			t.Errorf("after the interruption, %q: %v, %v; want %d", q, res, err, want)
		}
	}
}

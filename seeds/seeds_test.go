package seeds

import (
	"context"

	"github.com/dossier-search/dossier-search/annotate"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDocuments(t *testing.T) {
	docs, err := Documents()
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 5 {
		t.Fatalf("%d documents, want 5", len(docs))
	}
	files, _ := filepath.Glob("*.txt")
	if len(files) != 5 {
		t.Fatalf("%d article files, want 5", len(files))
	}
	for i, d := range docs {
		raw, err := os.ReadFile(d.ID + ".txt")
		if err != nil {
			t.Fatalf("document %s has no file: %v", d.ID, err)
		}
		if d.ID != strings.TrimSuffix(files[i], ".txt") {
			t.Errorf("document %d is %s, file %s", i, d.ID, files[i])
		}
		if d.Title == "" || !strings.HasSuffix(string(raw), d.Body) || len(d.Body) < 2000 {
			t.Errorf("%s: title %q, body of %d bytes not the end of its file", d.ID, d.Title, len(d.Body))
		}
	}
	if strings.HasPrefix(docs[2].Body, docs[2].Title) {
		t.Errorf("002: the headline is the title, not the first paragraph")
	}
	if !strings.HasPrefix(docs[3].Body, " date 2023-04 ") {
		t.Errorf("003 keeps its header line for the annotation to read: %.20q", docs[3].Body)
	}
	if docs[0].Source != "jeuxvideo.com" || docs[1].Source != "jeuxvideo.com" {
		t.Errorf("000 and 001 are from jeuxvideo.com: %q, %q", docs[0].Source, docs[1].Source)
	}
}

// TestIndexCache builds the cached index, opens it again, and replaces a
// damaged one.
func TestIndexCache(t *testing.T) {
	cache := t.TempDir()
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		ix, err := Index(ctx, cache, annotate.Annotator{})
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := ix.Count(); n != 5 {
			t.Errorf("run %d: %d documents", i, n)
		}
		ix.Close()
	}
	dirs, _ := filepath.Glob(filepath.Join(cache, "seeds-*"))
	if len(dirs) != 1 {
		t.Fatalf("cache holds %v", dirs)
	}
	os.WriteFile(filepath.Join(dirs[0], "index_meta.json"), []byte("garbage"), 0o644)
	ix, err := Index(ctx, cache, annotate.Annotator{})
	if err != nil {
		t.Fatalf("damaged cache: %v", err)
	}
	if n, _ := ix.Count(); n != 5 {
		t.Errorf("after damage: %d documents", n)
	}
	ix.Close()
	if tmp, _ := filepath.Glob(filepath.Join(cache, "building-*")); len(tmp) != 0 {
		t.Errorf("leftovers %v", tmp)
	}
}

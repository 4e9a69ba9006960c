// Package seeds holds the default dossier of dossier-search: five French
// press articles from April and May 2023 on the quarrel between Elon Musk's
// Twitter and Microsoft over Twitter's paid API and the data used to train
// AI models. The articles are embedded in the program as given (one .txt
// file each, named by the document's id); their titles, dates and sources
// are in manifest.json, written by reading them.
package seeds

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/dossier-search/dossier-search/annotate"
	"github.com/dossier-search/dossier-search/dates"
	"github.com/dossier-search/dossier-search/search"
)

//go:embed *.txt manifest.json
var files embed.FS

type manifest struct {
	Articles []struct {
		ID        string `json:"id"`
		Title     string `json:"title"`
		TitleFrom string `json:"title_from"`
		Source    string `json:"source"`
		URL       string `json:"url"`
		Published string `json:"published"`
	} `json:"articles"`
}

// Documents returns the articles of the default dossier.
func Documents() ([]search.Document, error) {
	data, err := files.ReadFile("manifest.json")
	if err != nil {
		return nil, err
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("seeds manifest: %w", err)
	}
	docs := make([]search.Document, 0, len(m.Articles))
	for _, a := range m.Articles {
		text, err := files.ReadFile(a.ID + ".txt")
		if err != nil {
			return nil, fmt.Errorf("seed %s: %w", a.ID, err)
		}
		body := string(text)
		if a.TitleFrom == "first line of the article" {
			// The headline is the title, not a paragraph of the body.
			first, rest, _ := strings.Cut(body, "\n")
			if strings.TrimSpace(first) != a.Title {
				return nil, fmt.Errorf("seed %s: first line %q is not the title", a.ID, first)
			}
			body = strings.TrimLeft(rest, "\n")
		}
		d := search.Document{ID: a.ID, Title: a.Title, Body: body, Source: a.Source, URL: a.URL}
		if a.Published != "" {
			if d.Published, err = dates.Parse(a.Published); err != nil {
				return nil, fmt.Errorf("seed %s: %w", a.ID, err)
			}
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// Index returns an index of the default dossier, annotated by a. With a
// cacheDir, the index is built there once and opened, read-only, at later
// calls: opening takes a millisecond where building takes twenty, most of a
// command's run. The cached index is keyed by the articles and by the
// program's executable (its analysis and default annotations are compiled
// in), so a new build or new articles give a new index and the old ones are
// removed; give no cacheDir with an annotator of other word lists. When
// cacheDir is "" or cannot be used, the index is built in memory.
func Index(ctx context.Context, cacheDir string, a annotate.Annotator) (*search.Index, error) {
	docs, err := Documents()
	if err != nil {
		return nil, err
	}
	opts := search.Options{Annotate: a.Document}
	if cacheDir != "" {
		if ix, err := cached(ctx, cacheDir, docs, opts); err == nil {
			return ix, nil
		}
	}
	return search.New(ctx, docs, opts)
}

func cached(ctx context.Context, cacheDir string, docs []search.Document, opts search.Options) (*search.Index, error) {
	key, err := cacheKey()
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(cacheDir, "seeds-"+key)
	if ix, err := search.OpenReadOnly(dir); err == nil {
		if ix.Verify(ctx) == nil { // a few microseconds: the index is small
			return ix, nil
		}
		ix.Close()
	}
	os.RemoveAll(dir) // damaged, or half-written by an older version
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(cacheDir, "building-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	ix, err := search.Build(ctx, filepath.Join(tmp, "index"), docs, opts)
	if err != nil {
		return nil, err
	}
	if err := ix.Close(); err != nil {
		return nil, err
	}
	// Another process may have built it meanwhile: either copy will do.
	if err := os.Rename(filepath.Join(tmp, "index"), dir); err != nil && !errors.Is(err, os.ErrExist) && !isNotEmpty(err) {
		return nil, err
	}
	removeOthers(cacheDir, filepath.Base(dir))
	return search.OpenReadOnly(dir)
}

// cacheKey identifies the articles and the program that indexes them.
func cacheKey() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00%d\x00", exe, fi.Size(), fi.ModTime().UnixNano())
	err = fs.WalkDir(files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := files.ReadFile(path)
		fmt.Fprintf(h, "%s\x00%d\x00", path, len(data))
		h.Write(data)
		return err
	})
	return hex.EncodeToString(h.Sum(nil)[:8]), err
}

func isNotEmpty(err error) bool {
	var le *os.LinkError
	return errors.As(err, &le) && errors.Is(le.Err, syscall.ENOTEMPTY)
}

// removeOthers removes the cached indexes other than keep: they belong to
// other builds of the program.
func removeOthers(cacheDir, keep string) {
	entries, _ := os.ReadDir(cacheDir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "seeds-") && e.Name() != keep {
			os.RemoveAll(filepath.Join(cacheDir, e.Name()))
		}
	}
}

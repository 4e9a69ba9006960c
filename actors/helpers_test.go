package actors

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// article is a seed of the default dossier, read from ../seeds as the seeds
// package reads it (without importing it: that would bring Bleve into the
// tests of a package that has nothing to do with it).
type article struct {
	ID, Title, Body string
}

func seedArticles(tb testing.TB) []article {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "seeds", "manifest.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var m struct {
		Articles []struct {
			ID        string `json:"id"`
			Title     string `json:"title"`
			TitleFrom string `json:"title_from"`
		} `json:"articles"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		tb.Fatal(err)
	}
	var out []article
	for _, a := range m.Articles {
		text, err := os.ReadFile(filepath.Join("..", "seeds", a.ID+".txt"))
		if err != nil {
			tb.Fatal(err)
		}
		body := string(text)
		if a.TitleFrom == "first line of the article" {
			_, rest, _ := strings.Cut(body, "\n")
			body = strings.TrimLeft(rest, "\n")
		}
		out = append(out, article{ID: a.ID, Title: a.Title, Body: body})
	}
	if len(out) != 5 {
		tb.Fatalf("%d seed articles, want 5", len(out))
	}
	return out
}

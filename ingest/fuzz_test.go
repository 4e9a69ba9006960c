package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzRead reads data as the file name and checks the invariants of any
// result (see checkValid), with a small size limit so that the limit is
// crossed too.
func fuzzRead(t *testing.T, name string, data []byte) {
	src := Source{Path: "fuzz/" + name, Rel: name}
	docs, warns := Read(src, data, Options{MaxArticleBytes: 4 << 10})
	checkValid(t, docs, warns)
	for _, w := range warns {
		if !strings.HasPrefix(w.Path, src.Path) {
			t.Errorf("warning %q does not name %s", w, src.Path)
		}
	}
	seen := map[string]bool{}
	for _, d := range docs {
		if seen[d.ID] {
			t.Errorf("id %q twice", d.ID)
		}
		seen[d.ID] = true
	}
}

// addSeeds adds the files of testdata with one of the extensions.
func addSeeds(f *testing.F, exts ...string) {
	for _, dir := range []string{"testdata/articles", "testdata/bad"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			f.Fatal(err)
		}
		for _, e := range entries {
			for _, ext := range exts {
				if strings.HasSuffix(e.Name(), ext) {
					data, err := os.ReadFile(filepath.Join(dir, e.Name()))
					if err != nil {
						f.Fatal(err)
					}
					f.Add(data)
				}
			}
		}
	}
}

func FuzzReadMarkdown(f *testing.F) {
	addSeeds(f, ".md")
	for _, s := range []string{
		"---\ntitle: a\n---\n",
		"---\na: &x [*x]\n---\nb",
		"---\na: &a [1,2]\nb: &b [*a,*a,*a]\nc: [*b,*b,*b]\n---\nTitre\n",
		"---\n? [a, b]\n: c\n---\n# T\n",
		"---\nid: 12\ndate: 2023-13-45\n...\nx",
		"# **T** _x_\n\n[a [b](c)](d) ![i](j) `k` <https://l> \\* snake_case *a **b** c*",
		"Titre\n===\n\n```\ncode\n",
		"- a\n- b\n\n1) c\n> d\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "a.md", data) })
}

func FuzzReadJSONL(f *testing.F) {
	addSeeds(f, ".jsonl")
	for _, s := range []string{
		`{"id":1,"text":"a"}` + "\n" + `{"id":"1","text":"b"}`,
		`{"text":"a","date":"25 avril 2023","x":{"y":[1,{"z":null}]}}`,
		"\xef\xbb\xbf{\"text\":\"\xff\"}\r\n[]\n\"x\"\n{",
		`{"title":"a\nb","text":" c ","id":" "}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "a.jsonl", data) })
}

func FuzzReadJSON(f *testing.F) {
	addSeeds(f, ".json")
	for _, s := range []string{`[{"text":"a"},1,{"id":2,"text":"b"}]`, `{"text":"a"} x`, `[`, `"x"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "a.json", data) })
}

func FuzzReadHTML(f *testing.F) {
	addSeeds(f, ".html")
	for _, s := range []string{
		"<p>a<br>b</p>",
		"<html lang=fr><meta charset=iso-8859-1><title>T | S</title><meta property=og:site_name content=S><p>\xe9t\xe9</p>",
		"<meta charset=utf-8><p>\xff</p>",
		"<article><h1>T</h1><time datetime=hier></time><pre>a\n\n b</pre><table><tr><td>1<td>2</table></article>",
		"<div class=pub>Publicité</div><p>Par Jeanne Dupont</p><p>texte</p>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "a.html", data) })
}

func FuzzReadText(f *testing.F) {
	addSeeds(f, ".txt")
	for _, s := range []string{"date 2023-04\nTitre\nCorps", "\xff\xfeT\x00", "\xe9t\xe9\n\xe0"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "a.txt", data) })
}

func FuzzReadGzip(f *testing.F) {
	addSeeds(f, ".gz")
	f.Add([]byte(gz("{\"text\":\"a\"}\n{\"text\":\"b\"")))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "a.jsonl.gz", data)
		fuzzRead(t, "a.md.gz", data)
	})
}

package ingest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-search/dossier-search/internal/golden"
	"github.com/dossier-search/dossier-search/search"
)

// describe renders documents and warnings for golden files and failures.
func describe(docs []search.Document, warns []Warning) string {
	return describeSizes(docs, warns, false)
}

// describeSizes is describe, with the size of each body if sizes.
func describeSizes(docs []search.Document, warns []Warning, sizes bool) string {
	var b strings.Builder
	for _, d := range docs {
		fmt.Fprintf(&b, "id: %s\ntitle: %s\n", d.ID, d.Title)
		if !d.Published.IsZero() {
			fmt.Fprintf(&b, "published: %s (%s)\n", d.Published, d.PublishedOrigin)
		}
		if d.Source != "" {
			fmt.Fprintf(&b, "source: %s\n", d.Source)
		}
		if d.URL != "" {
			fmt.Fprintf(&b, "url: %s\n", d.URL)
		}
		keys := make([]string, 0, len(d.Meta))
		for k := range d.Meta {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "meta %s: %s\n", k, d.Meta[k])
		}
		body := []rune(d.Body)
		more := ""
		if len(body) > 300 {
			body, more = body[:300], "…"
		}
		if sizes {
			fmt.Fprintf(&b, "body (%d bytes):\n", len(d.Body))
		} else {
			fmt.Fprintf(&b, "body:\n")
		}
		for _, line := range strings.Split(string(body)+more, "\n") {
			fmt.Fprintf(&b, "  |%s\n", line)
		}
	}
	for _, w := range warns {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	return b.String()
}

// TestArticles reads one good article file of each format and compares
// what it gives with testdata/articles.golden.
func TestArticles(t *testing.T) {
	srcs, skipped, warns := Walk([]string{"testdata/articles"})
	if skipped != 0 || len(warns) != 0 {
		t.Fatalf("Walk: skipped %d, warnings %v", skipped, warns)
	}
	var b strings.Builder
	for _, src := range srcs {
		docs, warns := ReadFile(src, Options{})
		if len(warns) != 0 {
			t.Errorf("%s: %v", src.Rel, warns)
		}
		if len(docs) == 0 {
			t.Errorf("%s: no article", src.Rel)
		}
		fmt.Fprintf(&b, "== %s (%s)\n%s\n", src.Rel, Format(src.Rel), describeSizes(docs, nil, true))
		checkValid(t, docs, warns)
		if Format(src.Rel) == "html" && len(docs) == 1 {
			// The golden file shows the start of the body only.
			for _, bad := range []string{"cookies", "Accueil", "Les plus lus", "Publicité", "commentaires", "Pierrot75",
				"Mentions légales", "gtag", "Partager", "Mots-clés", "À lire aussi", "Tous droits réservés", "Par "} {
				if strings.Contains(docs[0].Body, bad) {
					t.Errorf("%s: body has %q", src.Rel, bad)
				}
			}
			if !strings.Contains(docs[0].Body, ".\n\n") || strings.Contains(docs[0].Body, "\n\n\n") {
				t.Errorf("%s: paragraphs not separated by one blank line", src.Rel)
			}
		}
	}
	golden.Check(t, "testdata/articles.golden", b.String())
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"a.txt", "txt"},
		{"notes.text", "txt"},
		{"b.md", "md"},
		{"B.MARKDOWN", "md"},
		{"c.html", "html"},
		{"dir/c.htm", "html"},
		{"d.jsonl", "jsonl"},
		{"d.ndjson", "jsonl"},
		{"e.json", "json"},
		{"f.jsonl.gz", "jsonl"},
		{"a.TXT.GZ", "txt"},
		{"a.gz", ""},
		{"a.tar.gz", ""},
		{"a.pdf", ""},
		{"README", ""},
		{".txt", "txt"}, // a hidden file; Walk leaves it out, Format does not judge
		{"", ""},
		{`C:\dossier\a.md`, "md"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Format(tc.name); got != tc.want {
				t.Errorf("Format(%q) = %q, want %q", tc.name, got, tc.want)
			}
		})
	}
}

// read reads content as the file name, in memory.
func read(name, content string, opts Options) ([]search.Document, []Warning) {
	return Read(Source{Path: "dossier/" + name, Rel: name}, []byte(content), opts)
}

func TestReadText(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		title, body   string
	}{
		{"two lines", "Titre\nCorps du texte.", "Titre", "Corps du texte."},
		{"blank lines", "\n\n  Titre  \n\n\nPremier paragraphe.\n\nSecond.\n\n", "Titre", "Premier paragraphe.\n\nSecond."},
		{"one line", "Un article d’une ligne.\n", "Un article d’une ligne.", "Un article d’une ligne."},
		{"CRLF", "Titre\r\n\r\nUn.\r\nDeux.\r\n", "Titre", "Un.\nDeux."},
		{"BOM", "\uFEFFTitre\nCorps", "Titre", "Corps"},
		{"title collapsed", "Un\u00A0titre\t avec  espaces\nCorps", "Un\u00A0titre avec espaces", "Corps"},
		{"date header", "date 2023-04\nTitre\n\nCorps.", "Titre", "date 2023-04\n\nCorps."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, warns := read("a.txt", tc.content, Options{})
			if len(warns) != 0 || len(docs) != 1 {
				t.Fatalf("got\n%s", describe(docs, warns))
			}
			d := docs[0]
			if d.ID != "a.txt" || d.Title != tc.title || d.Body != tc.body {
				t.Errorf("got id %q title %q body %q, want title %q body %q", d.ID, d.Title, d.Body, tc.title, tc.body)
			}
		})
	}
}

func TestReadMarkdown(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		want          string // describe of the documents
	}{
		{"front matter",
			"---\ntitle: Le titre\ndate: 25 avril 2023\nsite: Le Site\npublished: 2023-01-01\nurl: https://exemple.fr/a\nid: art-1\nAuthor: Jeanne\nlang: fr\ntags: [ia, justice]\ncount: 3\nok: true\nextra: {b: 1, a: \"x<y\"}\nnothing: null\n---\n\nLe corps.\n",
			"id: art-1\ntitle: Le titre\npublished: 2023-04-25 (metadata)\nsource: Le Site\nurl: https://exemple.fr/a\nmeta author: Jeanne\nmeta count: 3\nmeta extra: {\"a\":\"x<y\",\"b\":1}\nmeta lang: fr\nmeta ok: true\nmeta published: 2023-01-01\nmeta tags: ia, justice\nbody:\n  |Le corps.\n"},
		{"heading title",
			"# Le *titre*\n\nPremier paragraphe\nsur deux lignes.\n\n## Intertitre\n\nSuite avec un [lien](https://exemple.fr \"t\") et une image ![x](y.png).\n",
			"id: b.md\ntitle: Le titre\nbody:\n  |Premier paragraphe sur deux lignes.\n  |\n  |Intertitre\n  |\n  |Suite avec un lien et une image .\n"},
		{"first line title",
			"Un titre sans dièse\nLe corps, **gras** et _italique_, snake_case et 2 * 3.\n",
			"id: b.md\ntitle: Un titre sans dièse\nbody:\n  |Le corps, gras et italique, snake_case et 2 * 3.\n"},
		{"kicker before heading",
			"*Exclusif*\n\n# Titre\n\nCorps.\n",
			"id: b.md\ntitle: Titre\nbody:\n  |Exclusif\n  |\n  |Corps.\n"},
		{"setext heading",
			"Titre\n=====\n\nCorps.\n",
			"id: b.md\ntitle: Titre\nbody:\n  |Corps.\n"},
		{"front matter title repeated",
			"---\ntitle: Titre\n---\n# Titre\n\nCorps.\n",
			"id: b.md\ntitle: Titre\nbody:\n  |Corps.\n"},
		{"lists quotes code",
			"Titre\n\n* un\n* deux\n\n1. premier\n2. second\n\n> Une citation\n> sur deux lignes.\n\n```go\nx := `code`\n```\n\n---\n\nFin avec `code` et <https://exemple.fr>.\n",
			"id: b.md\ntitle: Titre\nbody:\n  |- un\n  |- deux\n  |\n  |1. premier\n  |2. second\n  |\n  |Une citation sur deux lignes.\n  |\n  |x := `code`\n  |\n  |Fin avec code et https://exemple.fr.\n"},
		{"one heading",
			"# Seulement un titre\n",
			"id: b.md\ntitle: Seulement un titre\nbody:\n  |Seulement un titre\n"},
		{"empty front matter",
			"---\n---\nTitre\n\nCorps.",
			"id: b.md\ntitle: Titre\nbody:\n  |Corps.\n"},
		{"reference links",
			"Titre\n\nVoir [l’article][1] et [sic].\n\n[1]: https://exemple.fr\n",
			"id: b.md\ntitle: Titre\nbody:\n  |Voir l’article et [sic].\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, warns := read("b.md", tc.content, Options{})
			if got := describe(docs, warns); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestReadJSON(t *testing.T) {
	for _, tc := range []struct {
		name, file, content string
		want                string
	}{
		{"jsonl ids", "d.jsonl",
			"{\"id\":\"x\",\"title\":\"Un\",\"text\":\"Texte un.\"}\n\n{\"title\":\"Deux\",\"body\":\"Texte deux.\",\"date\":\"2023\"}\r\n{\"id\":7,\"text\":\"Sept.\",\"body\":\"perdu\",\"Lang\":\"fr\"}",
			"id: x\ntitle: Un\nbody:\n  |Texte un.\n" +
				"id: d.jsonl#3\ntitle: Deux\npublished: 2023 (metadata)\nbody:\n  |Texte deux.\n" +
				"id: 7\ntitle: \nmeta body: perdu\nmeta lang: fr\nbody:\n  |Sept.\n"},
		{"json object", "e.json",
			`{"title":"  Un   titre ","text":"  Corps.  ","date":"2023-04-25T23:30:00-05:00","nested":[1,[2,3],{"a":null}]}`,
			"id: e.json\ntitle: Un titre\npublished: 2023-04-25 (metadata)\nmeta nested: 1, 2, 3, {\"a\":null}\nbody:\n  |Corps.\n"},
		{"json array", "e.json",
			"[\n {\"text\": \"Un.\"},\n {\"id\": \"b\", \"text\": \"Deux.\", \"date\": \"mardi 25 avril 2023\"},\n {\"text\": \"Trois.\", \"date\": \"hier\"}\n]\n",
			"id: e.json#1\ntitle: \nbody:\n  |Un.\n" +
				"id: b\ntitle: \npublished: 2023-04-25 (metadata)\nbody:\n  |Deux.\n" +
				"id: e.json#3\ntitle: \nbody:\n  |Trois.\n" +
				"warning: dossier/e.json:4: date \"hier\" not understood, left out\n"},
		{"json empty array", "e.json", "[]", ""},
		{"empty text, body read", "e.json", "{\"text\":\"\",\"body\":\"Le corps.\\r\\nSuite.\",\"date\":\" \",\"published\":\"2023-04\"}",
			"id: e.json\ntitle: \npublished: 2023-04 (metadata)\nbody:\n  |Le corps.\n  |Suite.\n"},
		{"jsonl gz", "d.jsonl.gz", gz("{\"text\":\"Un.\"}\n{\"text\":\"Deux.\"}\n"),
			"id: d.jsonl.gz#1\ntitle: \nbody:\n  |Un.\n" +
				"id: d.jsonl.gz#2\ntitle: \nbody:\n  |Deux.\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, warns := read(tc.file, tc.content, Options{})
			if got := describe(docs, warns); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestReadHTML(t *testing.T) {
	page := func(head, body string) string {
		return "<!DOCTYPE html><html lang=\"fr\"><head>" + head + "</head><body>" + body + "</body></html>"
	}
	long := strings.Repeat("Une phrase assez longue pour que Readability y voie un article, avec des mots. ", 8)
	for _, tc := range []struct {
		name, content string
		want          string
	}{
		{"title from h1, site stripped",
			page(`<title>Titre de l’article | Le Site</title><meta property="og:site_name" content="Le Site">`,
				`<nav><a href="/">Accueil</a></nav><article><h1>Titre de l’article</h1><p>`+long+`</p><p>Deuxième<br>paragraphe.</p><script>var x = "script";</script></article><footer>Pied de page</footer>`),
			"title: Titre de l’article\nsource: Le Site\nmeta lang: fr\n"},
		{"title without site",
			page(`<title>Titre de l’article - Le Site</title><meta property="og:site_name" content="Le Site"><meta property="og:title" content="Titre de l’article - Le Site">`,
				`<div><p>`+long+`</p></div>`),
			"title: Titre de l’article\nsource: Le Site\nmeta lang: fr\n"},
		{"logo h1",
			page(`<title>Le vrai titre de l’article | Le Site</title>`, `<h1 class="logo">Le Site</h1><div><p>`+long+`</p></div>`),
			"title: Le vrai titre de l’article\nmeta lang: fr\n"},
		{"time element", page(`<title>Un titre assez long pour rester</title>`, `<article><time datetime="2023-04-25">25 avril</time><p>`+long+`</p></article>`),
			"title: Un titre assez long pour rester\npublished: 2023-04-25 (metadata)\nmeta lang: fr\n"},
		{"canonical", page(`<title>Un titre assez long pour rester</title><link rel="canonical" href="https://exemple.fr/a">`, `<p>`+long+`</p>`),
			"title: Un titre assez long pour rester\nurl: https://exemple.fr/a\nmeta lang: fr\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, warns := read("c.html", tc.content, Options{})
			if len(warns) != 0 || len(docs) != 1 {
				t.Fatalf("got\n%s", describe(docs, warns))
			}
			got := describe(docs, nil)
			head, _, _ := strings.Cut(got, "body:")
			head = strings.TrimPrefix(head, "id: c.html\n")
			if head != tc.want {
				t.Errorf("got\n%s\nwant\n%s", head, tc.want)
			}
			body := docs[0].Body
			for _, bad := range []string{"Accueil", "Pied de page", "script", "Titre de l’article\n"} {
				if strings.Contains(body, bad) {
					t.Errorf("body has %q:\n%s", bad, body)
				}
			}
		})
	}

	t.Run("paragraphs", func(t *testing.T) {
		docs, _ := read("c.html", page(`<title>Un titre assez long pour rester</title>`,
			`<article><p>`+long+`</p><p>Deuxième<br>ligne  et   <em>fin</em>.</p><ul><li>un</li><li>deux</li></ul><pre>a
  b</pre></article>`), Options{})
		if len(docs) != 1 || !strings.HasSuffix(docs[0].Body, "mots.\n\nDeuxième\nligne et fin.\n\nun\n\ndeux\n\na\n  b") {
			t.Errorf("got\n%s", describe(docs, nil))
		}
	})
}

// gz compresses s.
func gz(s string) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.String()
}

// TestBad reads one file of each bad kind: each gives its warning, and
// the good articles of the file are still returned.
func TestBad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := write("big.txt", "Titre\n"+strings.Repeat("Une ligne de texte, encore une.\n", 50<<20/32))
	var lines strings.Builder
	for i := range 200 {
		fmt.Fprintf(&lines, "{\"text\":\"Article %d, %x.\"}\n", i, i*i*7919)
	}
	corrupt := gz(lines.String())
	write("truncated.jsonl.gz", corrupt[:len(corrupt)/2]) // a download cut short
	// The lines before the cut are read: as many as gzip gives whole.
	zr, _ := gzip.NewReader(strings.NewReader(corrupt[:len(corrupt)/2]))
	partial, _ := io.ReadAll(zr)
	var truncatedIDs []string
	for i := range bytes.Count(partial, []byte{'\n'}) {
		truncatedIDs = append(truncatedIDs, fmt.Sprintf("truncated.jsonl.gz#%d", i+1))
	}
	if len(truncatedIDs) == 0 || len(truncatedIDs) >= 200 {
		t.Fatalf("%d lines before the cut", len(truncatedIDs))
	}
	write("bomb.txt.gz", gz(strings.Repeat("x", 2<<20)))

	for _, tc := range []struct {
		name  string
		path  string // in testdata/bad or dir
		opts  Options
		ids   []string // of the articles still read
		warns []string
	}{
		{"invalid UTF-8", "testdata/bad/invalid-utf8.txt", Options{}, []string{"invalid-utf8.txt"},
			[]string{"testdata/bad/invalid-utf8.txt: invalid UTF-8, repaired with U+FFFD"}},
		{"Latin-1", "testdata/bad/latin1.txt", Options{}, []string{"latin1.txt"},
			[]string{"testdata/bad/latin1.txt: not UTF-8, decoded as Windows-1252"}},
		{"binary", "testdata/bad/binary.txt", Options{}, nil,
			[]string{"testdata/bad/binary.txt: binary file, skipped"}},
		{"empty", "testdata/bad/empty.md", Options{}, nil,
			[]string{"testdata/bad/empty.md: empty article, skipped"}},
		{"whitespace", "testdata/bad/blank.txt", Options{}, nil,
			[]string{"testdata/bad/blank.txt: empty article, skipped"}},
		{"bad YAML", "testdata/bad/bad-yaml.md", Options{}, []string{"bad-yaml.md"},
			[]string{"testdata/bad/bad-yaml.md: front matter: mapping values are not allowed in this context, read as text"}},
		{"unclosed front matter", "testdata/bad/unclosed.md", Options{}, []string{"unclosed.md"},
			[]string{"testdata/bad/unclosed.md: front matter: no closing --- within 200 lines, read as text"}},
		{"front matter not a mapping", "testdata/bad/not-mapping.md", Options{}, []string{"not-mapping.md"},
			[]string{"testdata/bad/not-mapping.md: front matter: not a mapping of keys to values, read as text"}},
		{"bad date", "testdata/bad/bad-date.md", Options{}, []string{"bad-date.md"},
			[]string{`testdata/bad/bad-date.md: date "bientôt" not understood, left out`}},
		{"broken JSONL line", "testdata/bad/broken.jsonl", Options{}, []string{"a", "broken.jsonl#6", "c"},
			[]string{
				"testdata/bad/broken.jsonl:2: bad JSON: invalid character 'o' in literal null (expecting 'u'), skipped",
				"testdata/bad/broken.jsonl:3: bad JSON: unexpected end of JSON, skipped",
				"testdata/bad/broken.jsonl:4: bad JSON: not an object, skipped",
				"testdata/bad/broken.jsonl:5: empty article, skipped",
				"testdata/bad/broken.jsonl:7: bad JSON: text after the JSON value, skipped",
			}},
		{"JSON that does not parse", "testdata/bad/broken.json", Options{}, nil,
			[]string{"testdata/bad/broken.json:4: bad JSON: invalid character '}' looking for beginning of object key string, file skipped"}},
		{"duplicate ids", "testdata/bad/duplicates.jsonl", Options{}, []string{"x", "y", "duplicates.jsonl#4"},
			[]string{`testdata/bad/duplicates.jsonl:3: duplicate id "x" (first at line 1), skipped`}},
		{"over the limit", big, Options{}, nil,
			[]string{big + ": article of 50.0 MB, over the 10 MB limit, skipped"}},
		{"small limit", "testdata/articles/a.txt", Options{MaxArticleBytes: 1000}, nil,
			[]string{"testdata/articles/a.txt: article of 1.5 KB, over the 1000 bytes limit, skipped"}},
		{"small limit JSONL", "testdata/articles/d.jsonl", Options{MaxArticleBytes: 500}, []string{"d.jsonl#2", "1042"},
			[]string{"testdata/articles/d.jsonl:1: article of 658 bytes, over the 500 bytes limit, skipped"}},
		{"small limit gz", "testdata/articles/f.jsonl.gz", Options{MaxArticleBytes: 340}, []string{"gz-2"},
			[]string{"testdata/articles/f.jsonl.gz:1: article of 356 bytes, over the 340 bytes limit, skipped"}},
		{"corrupt gz", "testdata/bad/corrupt.txt.gz", Options{}, nil,
			[]string{"testdata/bad/corrupt.txt.gz: corrupt gzip: invalid header, skipped"}},
		{"truncated gz", filepath.Join(dir, "truncated.jsonl.gz"), Options{}, truncatedIDs,
			[]string{filepath.Join(dir, "truncated.jsonl.gz") + fmt.Sprintf(": corrupt gzip: truncated, read up to line %d", len(truncatedIDs))}},
		{"gz over the limit", filepath.Join(dir, "bomb.txt.gz"), Options{}, nil,
			[]string{filepath.Join(dir, "bomb.txt.gz") + ": article of 2.0 MB, over the 1 MB limit, skipped"}},
		{"directory", "testdata/bad", Options{}, nil,
			[]string{"testdata/bad: cannot read: is a directory"}},
		{"vanished", filepath.Join(dir, "vanished.txt"), Options{}, nil,
			[]string{filepath.Join(dir, "vanished.txt") + ": cannot read: no such file or directory"}},
		{"unknown format", "testdata/bad/notes.pdf", Options{}, nil,
			[]string{"testdata/bad/notes.pdf: unknown format, skipped"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "gz over the limit" {
				tc.opts.MaxArticleBytes = 1 << 20
			}
			rel := filepath.Base(tc.path)
			docs, warns := ReadFile(Source{Path: tc.path, Rel: rel}, tc.opts)
			var ids, ws []string
			for _, d := range docs {
				ids = append(ids, d.ID)
			}
			for _, w := range warns {
				ws = append(ws, w.String())
			}
			if fmt.Sprint(ids) != fmt.Sprint(tc.ids) {
				t.Errorf("ids %q, want %q", ids, tc.ids)
			}
			if strings.Join(ws, "\n") != strings.Join(tc.warns, "\n") {
				t.Errorf("warnings\n%s\nwant\n%s", strings.Join(ws, "\n"), strings.Join(tc.warns, "\n"))
			}
			checkValid(t, docs, warns)
		})
	}
}

func TestBadContent(t *testing.T) {
	docs, warns := read("broken.jsonl", "{\"text\":\"bien\"}\n{\"text\":\"mal \xff\"}\n", Options{})
	if got, want := describe(docs, warns), "id: broken.jsonl#1\ntitle: \nbody:\n  |bien\n"+
		"id: broken.jsonl#2\ntitle: \nbody:\n  |mal \uFFFD\n"+
		"warning: dossier/broken.jsonl:2: invalid UTF-8, repaired with U+FFFD\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}

	// A JSONL file with a NUL early is binary, as any text file.
	_, warns = read("x.jsonl", "{\"text\":\"a\"}\n\x00\x01\x02", Options{})
	if len(warns) != 1 || warns[0].Msg != "binary file, skipped" {
		t.Errorf("binary JSONL: %v", warns)
	}

	// UTF-16 from Windows Notepad is text, not binary.
	utf16 := []byte{0xFF, 0xFE}
	for _, c := range "Titre\r\nCorps é" {
		utf16 = append(utf16, byte(c), byte(c>>8))
	}
	docs, warns = Read(Source{Rel: "n.txt"}, utf16, Options{})
	if len(warns) != 0 || len(docs) != 1 || docs[0].Title != "Titre" || docs[0].Body != "Corps é" {
		t.Errorf("UTF-16: %s", describe(docs, warns))
	}

	// A compressed Markdown file, as any .gz.
	docs, warns = read("n.md.gz", gz("# Titre\n\nCorps."), Options{})
	if len(warns) != 0 || len(docs) != 1 || docs[0].ID != "n.md.gz" || docs[0].Title != "Titre" || docs[0].Body != "Corps." {
		t.Errorf("md.gz: %s", describe(docs, warns))
	}

	// UTF-16 HTML, with its BOM.
	utf16 = []byte{0xFE, 0xFF}
	for _, c := range "<title>Un titre en UTF-16 ici</title><p>" + strings.Repeat("Un texte écrit en UTF-16, rare mais possible. ", 20) {
		utf16 = append(utf16, byte(c>>8), byte(c))
	}
	docs, warns = Read(Source{Rel: "u.html"}, utf16, Options{})
	if len(warns) != 0 || len(docs) != 1 || docs[0].Title != "Un titre en UTF-16 ici" || !strings.HasPrefix(docs[0].Body, "Un texte écrit") {
		t.Errorf("UTF-16 page: %s", describe(docs, warns))
	}

	// A page whose <meta charset> says UTF-8 but is not.
	docs, warns = read("x.html", "<html><head><meta charset=utf-8><title>Un titre assez long ici</title></head><body><p>"+
		strings.Repeat("Du texte \xe9crit en Latin-1 par erreur. ", 20)+"</p></body></html>", Options{})
	if len(warns) != 1 || warns[0].Msg != "invalid UTF-8, repaired with U+FFFD" || len(docs) != 1 {
		t.Errorf("bad UTF-8 page: %s", describe(docs, warns))
	}

	// A page without text.
	_, warns = read("x.html", "<html><head><title>Rien</title></head><body><div> </div><script>x()</script><img src=a.png></body></html>", Options{})
	if len(warns) != 1 || warns[0].Msg != "empty article, skipped" {
		t.Errorf("empty page: %v", warns)
	}

	// A JSON object without text.
	_, warns = read("e.json", `{"title": "Un titre seul"}`, Options{})
	if len(warns) != 1 || warns[0].String() != "dossier/e.json: empty article, skipped" {
		t.Errorf("JSON without text: %v", warns)
	}

	// A JSON array element that is not an object.
	docs, warns = read("e.json", "[\"x\",\n{\"text\":\"ok\"}]", Options{})
	if len(warns) != 1 || warns[0].String() != "dossier/e.json:1: bad JSON: not an object, skipped" || len(docs) != 1 || docs[0].ID != "e.json#2" {
		t.Errorf("JSON element: %s", describe(docs, warns))
	}

	// A JSONL line over 64 MiB.
	long := "{\"text\":\"" + strings.Repeat("a", maxLine) + "\"}"
	for _, name := range []string{"long.jsonl", "long.jsonl.gz"} {
		content := long + "\n{\"text\":\"court\"}\n"
		if strings.HasSuffix(name, ".gz") {
			content = gz(content)
		}
		docs, warns = read(name, content, Options{MaxArticleBytes: 100 << 20})
		if len(warns) != 1 || warns[0].String() != "dossier/"+name+":1: line over 64 MB, skipped" || len(docs) != 1 || docs[0].Body != "court" {
			t.Errorf("%s: %s", name, describe(docs, warns))
		}
	}
}

// TestGzipCap checks the cap on decompressed sizes with a smaller cap:
// 1 GiB of zeros takes seconds to inflate.
func TestGzipCap(t *testing.T) {
	defer func(n int64) { maxDecompressed = n }(maxDecompressed)
	if got := overGzip(); got != "decompressed size over 1 GiB, skipped" {
		t.Errorf("overGzip() = %q", got)
	}
	maxDecompressed = 1 << 20
	lines := strings.Repeat("{\"text\":\"Un article.\"}\n", (1<<20)/20)
	// A JSONL file keeps the lines before the cap, as a truncated one does.
	docs, warns := read("a.jsonl.gz", gz(lines), Options{})
	if n := (1 << 20) / len("{\"text\":\"Un article.\"}\n"); len(docs) != n || len(warns) != 1 ||
		warns[0].Msg != fmt.Sprintf("decompressed size over 1 MB: read up to line %d, the rest skipped", n) {
		t.Errorf("a.jsonl.gz: got %d documents, warnings %v", len(docs), warns)
	}
	for _, tc := range []struct{ name, content string }{
		{"a.json.gz", "[" + strings.Repeat("{\"text\":\"Un article.\"},", (1<<20)/20) + "{}]"},
		{"a.txt.gz", strings.Repeat("x", 1<<20+1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, warns := read(tc.name, gz(tc.content), Options{MaxArticleBytes: 4 << 20})
			if len(docs) != 0 || len(warns) != 1 || warns[0].Msg != "decompressed size over 1 MB, skipped" {
				t.Errorf("got %d documents, warnings %v", len(docs), warns)
			}
		})
	}
	// Exactly the cap is fine.
	docs, warns = read("b.txt.gz", gz("Titre\n"+strings.Repeat("x", 1<<20-6)), Options{MaxArticleBytes: 4 << 20})
	if len(docs) != 1 || len(warns) != 0 {
		t.Errorf("at the cap: %d documents, warnings %v", len(docs), warns)
	}
}

// TestReadFileUnreadable needs a user that permissions stop: not root.
func TestReadFileUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any file")
	}
	p := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(p, []byte("Titre\nCorps"), 0o000); err != nil {
		t.Fatal(err)
	}
	_, warns := ReadFile(Source{Path: p, Rel: "secret.txt"}, Options{})
	if len(warns) != 1 || warns[0].String() != p+": cannot read: permission denied" {
		t.Errorf("warnings %v", warns)
	}
}

// checkValid checks the invariants of any result: valid UTF-8 everywhere,
// titles on one line, warnings of one line.
func checkValid(t *testing.T, docs []search.Document, warns []Warning) {
	t.Helper()
	for _, d := range docs {
		for _, s := range []string{d.ID, d.Title, d.Body, d.Source, d.URL} {
			if !utf8.ValidString(s) {
				t.Errorf("invalid UTF-8 in %q", s)
			}
		}
		for k, v := range d.Meta {
			if !utf8.ValidString(k) || !utf8.ValidString(v) {
				t.Errorf("invalid UTF-8 in meta %q: %q", k, v)
			}
		}
		if strings.ContainsAny(d.Title, "\n\r\t") || d.Title != strings.TrimSpace(d.Title) {
			t.Errorf("title %q not one trimmed line", d.Title)
		}
		if d.Body == "" || d.Body != strings.TrimSpace(d.Body) {
			t.Errorf("body %q empty or not trimmed", d.Body)
		}
		if d.ID == "" {
			t.Errorf("no id: %+v", d)
		}
	}
	for _, w := range warns {
		if w.Path == "" || w.Msg == "" || strings.ContainsAny(w.String(), "\n\r") || !utf8.ValidString(w.String()) {
			t.Errorf("bad warning %q", w)
		}
	}
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"b.txt":              "b",
		"a-c.md":             "a-c",
		"a/b.txt":            "a/b",
		"a/z.json":           "{}",
		"a/deep/x.jsonl.gz":  "",
		"a/notes.pdf":        "pdf",
		"a/.hidden.txt":      "hidden",
		".git/config.txt":    "hidden dir",
		"a/.cache/y.md":      "hidden dir",
		"README":             "unknown",
		"outside/linked.txt": "target",
	}
	for name, content := range files {
		p := filepath.Join(dir, "root", filepath.FromSlash(name))
		if strings.HasPrefix(name, "outside/") {
			p = filepath.Join(dir, filepath.FromSlash(name))
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root := filepath.Join(dir, "root")
	for _, l := range []struct{ target, name string }{
		{filepath.Join(dir, "outside", "linked.txt"), "link.txt"},   // followed
		{filepath.Join(dir, "outside"), "linkdir"},                  // not followed
		{filepath.Join(dir, "nowhere.txt"), "broken.txt"},           // warned
		{filepath.Join(dir, "outside", "linked.txt"), "link.weird"}, // counted
	} {
		if err := os.Symlink(l.target, filepath.Join(root, l.name)); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	single := filepath.Join(dir, "outside", "linked.txt")
	missing := filepath.Join(dir, "missing")
	unknown := filepath.Join(root, "README")

	srcs, skipped, warns := Walk([]string{root, single, missing, unknown})
	var rels []string
	for _, s := range srcs {
		rels = append(rels, s.Rel)
		if s.Path == "" || s.ModTime.IsZero() {
			t.Errorf("%+v: no path or time", s)
		}
	}
	want := []string{"a-c.md", "a/b.txt", "a/deep/x.jsonl.gz", "a/z.json", "b.txt", "link.txt", "linked.txt"}
	if fmt.Sprint(rels) != fmt.Sprint(want) {
		t.Errorf("Rel\n%q\nwant\n%q", rels, want)
	}
	if srcs[5].Size != int64(len("target")) {
		t.Errorf("symlink size %d, want the target's", srcs[5].Size)
	}
	if skipped != 4 { // notes.pdf, README, link.weird, and README as a root
		t.Errorf("skipped %d, want 4", skipped)
	}
	var ws []string
	for _, w := range warns {
		ws = append(ws, w.String())
	}
	wantWarns := []string{
		filepath.Join(root, "broken.txt") + ": broken symlink, skipped",
		missing + ": cannot read: no such file or directory",
		unknown + ": unknown format, skipped",
	}
	if strings.Join(ws, "\n") != strings.Join(wantWarns, "\n") {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(ws, "\n"), strings.Join(wantWarns, "\n"))
	}

	// A root that is a symlink to a directory is followed.
	link := filepath.Join(dir, "rootlink")
	if err := os.Symlink(root, link); err != nil {
		t.Fatal(err)
	}
	srcs2, _, _ := Walk([]string{link})
	if len(srcs2) != 6 || srcs2[0].Rel != "a-c.md" || !strings.HasPrefix(srcs2[0].Path, link) {
		t.Errorf("symlinked root: %+v", srcs2)
	}

	// Stable: the same again.
	again, _, _ := Walk([]string{root, single, missing, unknown})
	for i := range again {
		if again[i] != srcs[i] {
			t.Errorf("second walk differs at %d: %+v, %+v", i, again[i], srcs[i])
		}
	}
}

func TestWarningString(t *testing.T) {
	w := Warning{Path: "a.jsonl:12", Msg: "empty article, skipped"}
	if got := w.String(); got != "a.jsonl:12: empty article, skipped" {
		t.Errorf("String() = %q", got)
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2023", "2023"},
		{"2023-04", "2023-04"},
		{"2023-04-25", "2023-04-25"},
		{"2023-04-25T23:30:00-05:00", "2023-04-25"}, // the day where it was written
		{"2023-04-25T08:30:00Z", "2023-04-25"},
		{"2023-04-25 08:30", "2023-04-25"},
		{"25 avril 2023", "2023-04-25"},
		{"mardi 25 avril 2023", "2023-04-25"},
		{"1er mai 2023", "2023-05-01"},
		{"April 25, 2023", "2023-04-25"},
		{"25/04/2023", "2023-04-25"},
		{"avril 2023", "2023-04"},
		{"Tue, 25 Apr 2023 08:30:00 +0200", "2023-04-25"},
		{"hier", ""},
		{"lundi", ""},
		{"du 2 mai 2023 au 3 mai 2023", ""},
		{"2023-02-30", ""},
		{"", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			d, ok := parseDate(tc.in)
			if d.String() != tc.want || ok != (tc.want != "") {
				t.Errorf("parseDate(%q) = %s, %v; want %q", tc.in, d, ok, tc.want)
			}
		})
	}
}

// BenchmarkRead reads each file of testdata/articles; the MB/s column
// compares formats.
func BenchmarkRead(b *testing.B) {
	srcs, _, _ := Walk([]string{"testdata/articles"})
	for _, src := range srcs {
		data, err := os.ReadFile(src.Path)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(src.Rel, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				Read(src, data, Options{})
			}
		})
	}
}

func TestLineWarningsCapped(t *testing.T) {
	content := strings.Repeat("pas du JSON\n", 150) + "{\"text\":\"enfin\"}\n"
	docs, warns := read("x.jsonl", content, Options{})
	if len(docs) != 1 || len(warns) != maxLineWarnings+1 {
		t.Fatalf("%d documents, %d warnings", len(docs), len(warns))
	}
	if got := warns[len(warns)-1].String(); got != "dossier/x.jsonl: 50 more warnings on lines of this file, not listed" {
		t.Errorf("last warning %q", got)
	}
	if got := warns[99].String(); got != "dossier/x.jsonl:100: bad JSON: invalid character 'p' looking for beginning of value, skipped" {
		t.Errorf("100th warning %q", got)
	}
}

// TestStream hands the articles over one by one, in the order of the
// file, and stops reading when told to: the bad line after the stop is
// never read.
func TestStream(t *testing.T) {
	content := "{\"id\":\"a\",\"text\":\"Un.\"}\n{\"id\":\"b\",\"text\":\"Deux.\"}\n{\"id\":\"c\",\"text\":\"Trois.\"}\nnot json\n"
	for _, name := range []string{"f.jsonl", "f.jsonl.gz"} {
		t.Run(name, func(t *testing.T) {
			data := content
			if strings.HasSuffix(name, ".gz") {
				data = gz(content)
			}
			src := Source{Path: "dossier/" + name, Rel: name}
			var all []string
			last := 0
			warns := Stream(src, []byte(data), Options{}, func(d search.Document, read int) bool {
				all = append(all, d.ID)
				if read < last || read > len(data) {
					t.Errorf("read %d after %d, of %d", read, last, len(data))
				}
				last = read
				return true
			})
			if !slices.Equal(all, []string{"a", "b", "c"}) || len(warns) != 1 {
				t.Errorf("whole file: %v, %v", all, warns)
			}
			var some []string
			warns = Stream(src, []byte(data), Options{}, func(d search.Document, _ int) bool {
				some = append(some, d.ID)
				return len(some) < 2
			})
			if !slices.Equal(some, []string{"a", "b"}) || len(warns) != 0 {
				t.Errorf("stopped after two: %v, %v", some, warns)
			}
		})
	}
}

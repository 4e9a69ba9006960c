package ingest_test

import (
	"fmt"

	"github.com/dossier-search/dossier-search/ingest"
)

func ExampleRead() {
	md := `---
title: Twitter rend son API payante
date: 30 mars 2023
source: Tech Hebdo
tags: [api, twitter]
---

L’accès **gratuit** à l’API de Twitter se limite désormais à la
publication de messages ([détails](https://exemple.fr/api)).
`
	docs, warnings := ingest.Read(ingest.Source{Path: "dossier/api.md", Rel: "api.md"}, []byte(md), ingest.Options{})
	for _, d := range docs {
		fmt.Println(d.ID, "|", d.Title, "|", d.Published, "|", d.Source, "|", d.Meta["tags"])
		fmt.Println(d.Body)
	}
	fmt.Println(len(warnings), "warnings")
	// Output:
	// api.md | Twitter rend son API payante | 2023-03-30 | Tech Hebdo | api, twitter
	// L’accès gratuit à l’API de Twitter se limite désormais à la publication de messages (détails).
	// 0 warnings
}

func ExampleRead_warnings() {
	jsonl := `{"id": "a", "title": "Un", "text": "Premier article."}
{"title": "Deux", "text": "Deuxième article.", "date": "bientôt"}
{"title": "Trois", "text": "Il manque la fin
{"id": "a", "text": "Un autre article a."}
`
	docs, warnings := ingest.Read(ingest.Source{Path: "dossier/lot.jsonl", Rel: "lot.jsonl"}, []byte(jsonl), ingest.Options{})
	for _, d := range docs {
		fmt.Println(d.ID, d.Title)
	}
	for _, w := range warnings {
		fmt.Println(w)
	}
	// Output:
	// a Un
	// lot.jsonl#2 Deux
	// dossier/lot.jsonl:2: date "bientôt" not understood, left out
	// dossier/lot.jsonl:3: bad JSON: unexpected end of JSON, skipped
	// dossier/lot.jsonl:4: duplicate id "a" (first at line 1), skipped
}

func ExampleFormat() {
	for _, name := range []string{"a.txt", "b.Markdown", "c.htm", "d.ndjson.gz", "e.pdf"} {
		fmt.Printf("%s %q\n", name, ingest.Format(name))
	}
	// Output:
	// a.txt "txt"
	// b.Markdown "md"
	// c.htm "html"
	// d.ndjson.gz "jsonl"
	// e.pdf ""
}

func ExampleWalk() {
	sources, skipped, warnings := ingest.Walk([]string{"testdata/articles", "testdata/missing"})
	for _, s := range sources {
		fmt.Println(s.Rel)
	}
	fmt.Println(skipped, "skipped")
	for _, w := range warnings {
		fmt.Println(w)
	}
	// Output:
	// a.txt
	// b.md
	// c.html
	// d.jsonl
	// e.json
	// f.jsonl.gz
	// g.html
	// 0 skipped
	// testdata/missing: cannot read: no such file or directory
}

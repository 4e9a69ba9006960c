package search_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-search/dossier-search/search"
)

// TestExpansion checks the terms that prefixes and fuzzy words stand for:
// all of them while they are few, the most frequent with a warning beyond
// the limit of a word, and a clear warning for words too long to search
// with typos.
func TestExpansion(t *testing.T) {
	// 300 words of the prefix « zorg », each in one document, and
	// « zorgaab » in 20 more: the most frequent.
	const rare = 300
	var docs []search.Document
	word := func(i int) string {
		const letters = "bcdfghjklmnpqrtvwxz"
		return "zorg" + string(letters[i/len(letters)]) + "u" + string(letters[i%len(letters)])
	}
	seen := map[string]bool{}
	for i := range rare {
		w := word(i)
		if seen[w] || w == "zorgaab" {
			t.Fatalf("word %d: %s twice", i, w)
		}
		seen[w] = true
		docs = append(docs, search.Document{ID: fmt.Sprintf("rare-%03d", i), Title: "note", Body: "une note sur " + w})
	}
	for i := range 20 {
		docs = append(docs, search.Document{ID: fmt.Sprintf("often-%02d", i), Title: "note", Body: "zorgaab et encore zorgaab"})
	}
	docs = append(docs, search.Document{ID: "typo", Title: "note", Body: "la dénonciation des abus"})
	ix, err := search.New(context.Background(), docs, search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()

	for _, tc := range []struct {
		query   string
		total   uint64 // hits
		has     string // a hit that must be there
		warning string // part of a warning, "" for none
	}{
		{query: "zorgb*", total: 19, has: "rare-000"},
		{query: "zorgaa*", total: 20, has: "often-00"},
		{query: "zorg*", total: 20 + 255, has: "often-19", warning: "zorg* stands for 301 words: the 256 most frequent were searched"},
		{query: "body:zorg*", total: 20 + 255, has: "often-19", warning: "stands for 301 words"},
		{query: "title:zorg*", total: 0},
		{query: "zorgaac~1", total: 20, has: "often-00"},
		{query: "zorgbu~1", total: 19, has: "rare-018"}, // zorgbu and one letter
		{query: "denonsiation~2", total: 1, has: "typo"},
		{query: strings.Repeat("dénonciation", 3) + "~1", total: 0, warning: "searched as typed, without typos"},
	} {
		t.Run(tc.query, func(t *testing.T) {
			res, err := ix.Search(context.Background(), search.Request{Query: tc.query, Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != tc.total {
				t.Errorf("%d hits, want %d", res.Total, tc.total)
			}
			if tc.has != "" && !slices.ContainsFunc(res.Hits, func(h search.Hit) bool { return h.ID == tc.has }) {
				t.Errorf("no hit %s", tc.has)
			}
			warned := strings.Join(res.Warnings, "\n")
			if tc.warning == "" && warned != "" || !strings.Contains(warned, tc.warning) {
				t.Errorf("warnings %q, want %q", res.Warnings, tc.warning)
			}
		})
	}
}

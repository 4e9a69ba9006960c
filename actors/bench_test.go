package actors

import (
	"strings"
	"testing"
)

// BenchmarkFind runs Find on the five seeds, one article at a time, as an
// index does on every article of its corpus. The baseline is the naive way:
// every alias searched in the lower-cased text, one scan each, without
// word boundaries, case rules or discovery; the ratio of the two is the
// price of doing it right, or its gain.
func BenchmarkFind(b *testing.B) {
	arts := seedArticles(b)
	size := 0
	for _, a := range arts {
		size += len(a.Title) + len(a.Body)
	}
	g := Default()
	b.Run("seeds", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, a := range arts {
				g.Find(a.Title, a.Body)
			}
		}
	})
	b.Run("baseline-per-alias-scan", func(b *testing.B) {
		var aliases []string
		for _, e := range g.Entries() {
			aliases = append(aliases, strings.ToLower(e.Name))
			for _, a := range e.Aliases {
				aliases = append(aliases, strings.ToLower(a))
			}
		}
		b.ReportAllocs()
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, a := range arts {
				text := strings.ToLower(a.Title + "\n\n" + a.Body)
				n := 0
				for _, alias := range aliases {
					n += strings.Count(text, alias)
				}
				_ = n
			}
		}
	})
}

// BenchmarkParseDefault measures building the default gazetteer, paid once.
func BenchmarkParseDefault(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(defaultFile)))
	for b.Loop() {
		if _, err := Parse(strings.NewReader(defaultFile)); err != nil {
			b.Fatal(err)
		}
	}
}

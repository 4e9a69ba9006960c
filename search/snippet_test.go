package search

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSnippetsEdges(t *testing.T) {
	long := strings.Repeat("mot ", 200)
	for _, c := range []struct {
		name  string
		text  string
		terms []string // words to mark, found by their first occurrence
		want  []string // Format("[", "]") of each snippet
	}{
		{"short text", "Le procès.", []string{"procès"}, []string{"Le [procès]."}},
		{"no match", "Le début du texte.", nil, []string{"Le début du texte."}},
		{"empty", "", nil, nil},
		{"mark at the end", long + "fin", []string{"fin"}, []string{"… " + strings.Repeat("mot ", 55) + "[fin]"}},
		{"newlines", "Titre\n\nLe procès\tcommence.", []string{"procès"}, []string{"Titre Le [procès] commence."}},
		{"a word longer than a snippet", strings.Repeat("x", 500) + " procès " + strings.Repeat("y", 500), []string{"procès"},
			[]string{"… [procès] …"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var ms []match
			for _, term := range c.terms {
				i := strings.Index(c.text, term)
				ms = append(ms, match{Span: Span{i, i + len(term)}, term: term})
			}
			var got []string
			for _, s := range snippets(c.text, ms, 3) {
				got = append(got, s.Format("[", "]"))
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestSnippetsChooseDistinctTerms(t *testing.T) {
	filler := strings.Repeat("remplissage ", 40)
	text := "api " + filler + "api " + filler + "api payante " + filler
	var ms []match
	for i := 0; ; {
		j := strings.Index(text[i:], "api")
		if j < 0 {
			break
		}
		ms = append(ms, match{Span: Span{i + j, i + j + 3}, term: "api"})
		i += j + 3
	}
	p := strings.Index(text, "payante")
	ms = append(ms, match{Span: Span{p, p + 7}, term: "payant"})
	got := snippets(text, ms, 1)
	if len(got) != 1 || !strings.Contains(got[0].Format("[", "]"), "[api] [payante]") {
		t.Errorf("the one snippet should hold both terms: %q", got)
	}
}

func FuzzSnippets(f *testing.F) {
	f.Add("Microsoft refuse de payer l’API de Twitter.", 26, 32, 3)
	f.Add("é\u00a0è\n\t«x»", 0, 2, 1)
	f.Add(strings.Repeat("a", 300)+" b", 301, 302, 2)
	f.Fuzz(func(t *testing.T, text string, start, end, n int) {
		if !utf8.ValidString(text) || n < 0 || n > 5 {
			return
		}
		for _, s := range snippets(text, []match{{Span: Span{start, end}, term: "t"}, {Span: Span{end, end + 2}, term: "u"}}, n) {
			if !utf8.ValidString(s.Text) {
				t.Fatalf("snippet %q is not valid UTF-8", s.Text)
			}
			last := 0
			for _, m := range s.Marks {
				if m.Start < last || m.End <= m.Start || m.End > len(s.Text) {
					t.Fatalf("bad mark %v in %q", m, s.Text)
				}
				last = m.End
			}
			s.Format("[", "]")
			s.HTML()
		}
	})
}

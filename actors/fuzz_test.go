package actors

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFind checks the invariants of Find on any text: no panic, every name
// once, non-empty and valid UTF-8, a valid kind on the right side, counts
// above zero, the order of the contract.
func FuzzFind(f *testing.F) {
	f.Add("", "Satya Nadella, le PDG de Microsoft, parle de Bing. M. Dupont aussi.")
	f.Add("Le patron de Twitter", "dans OpenAIil va, CNBCa dit, https://x.com/elonmusk (@elonmusk) presse@twitter.com")
	f.Add("", "la start-up française Mistral AI, l’association La Quadrature du Net, Acme SAS, LE GROUPE X SA")
	f.Add("", "Marine Le Pen, Dominique de Villepin ; Le Pen. l’avocat d’Elon Musk. Sam Altman, le patron d’OpenAI")
	f.Add("\xff", "M.\xffDupont l'\xc3 Jean-\u0301Noël e\u0301 & Co Ltd @ @_ ’’ l’ d’")
	for _, a := range readSeedFiles(f) {
		f.Add("", a)
	}
	for _, tt := range findTests {
		f.Add("", tt.text)
	}
	for _, tt := range discoverTests {
		f.Add("", tt.text)
	}
	g := Default()
	f.Fuzz(func(t *testing.T, title, body string) {
		actors, products := g.Find(title, body)
		seen := map[string]bool{}
		check := func(fs []Found, product bool) {
			for i, x := range fs {
				if x.Name == "" || !utf8.ValidString(x.Name) || strings.TrimSpace(x.Name) != x.Name {
					t.Errorf("bad name %q", x.Name)
				}
				if !x.Kind.Valid() || (x.Kind == Product) != product {
					t.Errorf("%s: kind %q among the products: %v", x.Name, x.Kind, product)
				}
				if x.Count <= 0 {
					t.Errorf("%s: count %d", x.Name, x.Count)
				}
				if x.Discovered && (len(x.Aliases) != 0 || x.Kind == Product || x.Kind == Media || strings.ContainsAny(x.Name, "\n\t")) {
					t.Errorf("discovered %+v", x)
				}
				if x.Discovered && len(strings.Fields(x.Name)) > 4 {
					t.Errorf("discovered %q: more than four words", x.Name)
				}
				k := string(x.Kind) + "\x00" + x.Name
				if seen[k] {
					t.Errorf("%s twice", x.Name)
				}
				seen[k] = true
				if i > 0 && fs[i-1].Count < x.Count {
					t.Errorf("%s (%d) after %s (%d)", x.Name, x.Count, fs[i-1].Name, fs[i-1].Count)
				}
			}
		}
		check(actors, false)
		check(products, true)
		// Find pools its buffers: a second call must not see the first.
		again, againProducts := g.Find(title, body)
		if !slices.EqualFunc(actors, again, sameFound) || !slices.EqualFunc(products, againProducts, sameFound) {
			t.Errorf("two calls, two answers: %v %v, then %v %v", actors, products, again, againProducts)
		}
	})
}

// FuzzParse checks that Parse never panics, that its errors name a line,
// and that what it accepts can be looked up and matched.
func FuzzParse(f *testing.F) {
	f.Add(defaultFile)
	f.Add("replace\nAcme | organisation | Acme Corp; ACME ; ;  # comment\nC# | product\n")
	f.Add("Acme | company\n")
	f.Add(" | person\nAcme\nAcme | a | b | c\nreplace\n!!! | person\n")
	f.Add("Le Monde | media | le Monde; l'\xff; @x\nLe | media\n")
	f.Fuzz(func(t *testing.T, file string) {
		g, err := Parse(strings.NewReader(file))
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 || !strings.HasPrefix(err.Error(), "gazetteer line ") {
				if !strings.HasPrefix(err.Error(), "read gazetteer") {
					t.Errorf("error %q names no line", err)
				}
			}
			return
		}
		var text []string
		for _, e := range g.Entries() {
			if e.Name == "" || strings.TrimSpace(e.Name) != e.Name || !e.Kind.Valid() {
				t.Errorf("entry %+v", e)
			}
			if got, ok := g.Lookup(e.Name); !ok || got.Name != e.Name {
				t.Errorf("Lookup(%q) = %q, %v", e.Name, got.Name, ok)
			}
			if slices.Contains(e.Aliases, "") {
				t.Errorf("%s: empty alias", e.Name)
			}
			text = append(text, e.Name)
			text = append(text, e.Aliases...)
		}
		actors, products := g.Find("", strings.Join(text, ". "))
		for _, x := range append(actors, products...) {
			if x.Count <= 0 || !x.Kind.Valid() {
				t.Errorf("found %+v", x)
			}
		}
	})
}

func readSeedFiles(tb testing.TB) []string {
	var out []string
	for _, a := range seedArticles(tb) {
		out = append(out, a.Body)
	}
	return out
}

func sameFound(a, b Found) bool {
	return a.Name == b.Name && a.Kind == b.Kind && a.Count == b.Count && a.Discovered == b.Discovered && slices.Equal(a.Aliases, b.Aliases)
}

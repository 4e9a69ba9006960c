package analysis_test

import (
	"fmt"

	"github.com/dossier-search/dossier-search/analysis"
)

func ExampleNew() {
	a := analysis.New(analysis.Options{})
	text := "Microsoft refuse de payer l’API de Twitter"
	for _, tok := range a.Analyze([]byte(text)) {
		fmt.Printf("%-10s %2d-%-2d %d %q\n", tok.Term, tok.Start, tok.End, tok.Position, text[tok.Start:tok.End])
	}
	// Output:
	// microsoft   0-9  1 "Microsoft"
	// refu       10-16 2 "refuse"
	// pai        20-25 4 "payer"
	// api        30-33 5 "API"
	// twitter    37-44 7 "Twitter"
}

func ExampleNew_options() {
	a := analysis.New(analysis.Options{
		StopWords: []string{},            // keep every word
		Protected: []string{"Habitable"}, // a name, not the adjective
	})
	for _, tok := range a.Analyze([]byte("le Habitable")) {
		fmt.Println(string(tok.Term))
	}
	// Output:
	// le
	// habitable
}

func ExampleStem() {
	for _, w := range []string{"continuer", "continuellement", "archaïque", "procès"} {
		fmt.Println(w, analysis.Stem(w))
	}
	// Output:
	// continuer continu
	// continuellement continuel
	// archaïque archa
	// procès proces
}

// Collapse turns an analysed query into the terms to look up: the whole of
// a compound rather than its parts (which keep their positions: "mail" took
// position 2), and the alternatives of a word with accents.
func ExampleCollapse() {
	a := analysis.New(analysis.Options{})
	for _, tok := range analysis.Collapse(a.Analyze([]byte("e-mail sécurité"))) {
		fmt.Println(tok.Position, string(tok.Term))
	}
	// Output:
	// 1 email
	// 3 secur
	// 3 securit
}

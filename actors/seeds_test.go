package actors

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/dossier-search/dossier-search/internal/golden"
)

// seedActors is every actor the five seeds name, decided by reading them:
// an actor found outside this list is junk and fails the test.
var seedActors = map[string]Kind{
	"Elon Musk": Person, "Tim Cook": Person, "Alex Spiro": Person, "Frank Shaw": Person,
	"Bill Gates": Person, "Sam Altman": Person, "Linda Yaccarino": Person,
	"Microsoft": Organisation, "Twitter": Organisation, "OpenAI": Organisation, "Apple": Organisation,
	"Reddit": Organisation, "Google": Organisation, "Intercom": Organisation, "Tesla": Organisation,
	"DeepMind": Organisation, "Future of Life Institute": Organisation,
	"New York Times": Media, "Wall Street Journal": Media, "Wired": Media, "Mashable": Media, "CNBC": Media,
}

// TestSeeds finds the actors and products of the five seeds and of the
// whole dossier, compares them with testdata/seeds.golden (go test -update
// rewrites it) and checks them against what a reader finds.
func TestSeeds(t *testing.T) {
	g := Default()
	var out bytes.Buffer
	docs := map[string]int{} // actor or product → number of documents
	kinds := map[string]Kind{}
	union := map[string]bool{}
	for _, a := range seedArticles(t) {
		actors, products := g.Find(a.Title, a.Body)
		fmt.Fprintf(&out, "# %s: %s\n", a.ID, a.Title)
		write(&out, "actor", actors)
		write(&out, "product", products)
		out.WriteString("\n")
		for _, f := range append(slices.Clone(actors), products...) {
			docs[f.Name]++
			kinds[f.Name] = f.Kind
		}
		for _, f := range actors {
			union[f.Name] = true
			if f.Discovered {
				t.Errorf("%s: discovered %s (%s, %d): the gazetteer covers the seeds", a.ID, f.Name, f.Kind, f.Count)
			}
			if kind, ok := seedActors[f.Name]; !ok || kind != f.Kind {
				t.Errorf("%s: actor %s (%s) is not an actor of the seeds", a.ID, f.Name, f.Kind)
			}
		}
		for _, f := range products {
			if f.Kind != Product {
				t.Errorf("%s: product %s of kind %s", a.ID, f.Name, f.Kind)
			}
			if union[f.Name] {
				t.Errorf("%s: %s is both an actor and a product", a.ID, f.Name)
			}
		}
	}
	// The dossier: actors by number of documents.
	var dossier []Found
	for name, n := range docs {
		dossier = append(dossier, Found{Name: name, Kind: kinds[name], Count: n})
	}
	var actors, products []Found
	for _, f := range dossier {
		if f.Kind == Product {
			products = append(products, f)
		} else {
			actors = append(actors, f)
		}
	}
	sortFound(actors)
	sortFound(products)
	out.WriteString("# dossier: number of documents\n")
	write(&out, "actor", actors)
	write(&out, "product", products)

	for _, name := range []string{"Elon Musk", "Microsoft", "Twitter", "OpenAI", "Apple", "Tim Cook", "Alex Spiro",
		"Frank Shaw", "Bill Gates", "Sam Altman", "Linda Yaccarino", "Reddit", "Google", "Intercom", "Tesla"} {
		if !union[name] {
			t.Errorf("%s is not found in the seeds", name)
		}
	}
	for _, name := range []string{"ChatGPT", "Bing", "Xbox", "Copilot", "GPT-4", "Microsoft Advertising",
		"Digital Marketing Center", "Smart Campaigns", "Truth GPT", "Facebook", "Instagram", "LinkedIn", "Google Ads"} {
		if union[name] {
			t.Errorf("product %s in the actors", name)
		}
		if kinds[name] != Product {
			t.Errorf("product %s is not found in the seeds", name)
		}
	}
	golden.Check(t, "testdata/seeds.golden", out.String())
}

func write(out *bytes.Buffer, what string, fs []Found) {
	for _, f := range fs {
		discovered := ""
		if f.Discovered {
			discovered = " discovered"
		}
		fmt.Fprintf(out, "%-8s %-26s %-13s %3d%s\n", what, f.Name, f.Kind, f.Count, discovered)
	}
}

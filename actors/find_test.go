package actors

import (
	"slices"
	"strconv"
	"sync"
	"testing"
)

// findTests are the matching rules, one case each; FuzzFind starts from
// their texts.
var findTests = []struct {
	name     string
	text     string
	actors   []string // Name:Count, in order
	products []string
}{
	// A word with a capital in the gazetteer is a name.
	{"capital", "Apple et apple, Musk et musk.", []string{"Apple:1", "Elon Musk:1"}, nil},
	{"all capitals", "MICROSOFT ET APPLE", []string{"Apple:1", "Microsoft:1"}, nil},
	{"lower-case words match any case", "La Firme de Redmond, puis LA FIRME DE REDMOND.", []string{"Microsoft:2"}, nil},
	{"accents", "Cela vient de l'editeur de Windows.", []string{"Microsoft:1"}, nil},
	// Elisions.
	{"elided article", "L’éditeur de Windows refuse.", []string{"Microsoft:1"}, nil},
	{"elided de", "le partenaire d’OpenAI", []string{"OpenAI:1"}, nil},
	{"elided que", "une situation qu’Elon Musk digère mal", []string{"Elon Musk:1"}, nil},
	{"periphrasis with elisions", "la lettre de l’avocat d’Elon Musk", []string{"Alex Spiro:1"}, nil},
	{"de for d'", "l'avocat de Elon Musk", []string{"Alex Spiro:1"}, nil},
	{"article of the text", "selon le patron de Twitter et du patron de Tesla", []string{"Elon Musk:2"}, nil},
	// Longest match; each word counts once.
	{"full name over surname", "Elon Musk, puis Musk.", []string{"Elon Musk:2"}, nil},
	{"product over organisation", "l’outil Microsoft Advertising", nil, []string{"Microsoft Advertising:1"}},
	{"periphrasis over its name", "le patron de Twitter", []string{"Elon Musk:1"}, nil},
	{"punctuation splits an alias", "Wall Street, Journal de Paris. Elon. Musk", []string{"Elon Musk:2"}, nil},
	{"blank line splits an alias", "Elon\n\nMusk", []string{"Elon Musk:2"}, nil},
	{"one line break does not", "le New York\nTimes", []string{"New York Times:1"}, nil},
	{"title of a newspaper", "selon le Monde, et non dans le monde", []string{"Le Monde:1"}, nil},
	// Glued words.
	{"glued aliases of seed 004", "dans OpenAIa exprimé, dans OpenAIil va", []string{"OpenAI:2"}, nil},
	{"glued function word", "CNBCa rapporté que OpenAIet Microsoft", []string{"CNBC:1", "Microsoft:1", "OpenAI:1"}, nil},
	{"name ending in lower case", "Musket, Muskil, Appleet", nil, nil},
	{"glued to a common word", "OpenAIdans", nil, nil},
	// Addresses and handles.
	{"URL", "https://twitter.com/elonmusk et www.microsoft.com/fr", nil, nil},
	{"domain", "selon jeuxvideo.com et openai.com/blog", nil, nil},
	{"e-mail", "écrire à presse@twitter.com", nil, nil},
	{"listed handle", "— Elon Musk (@elonmusk) April 19, 2023", []string{"Elon Musk:2"}, nil},
	{"unlisted handle", "le compte @ElonJet et @Microsoft", nil, nil},
	// Appositions, surnames.
	{"apposition", "Sam Altman, le patron d’OpenAI, a parlé.", []string{"OpenAI:1", "Sam Altman:1"}, nil},
	{"periphrasis alone", "Le patron d’OpenAI a parlé.", []string{"Sam Altman:1"}, nil},
	{"surname after the full name", "Frank Shaw a parlé. Shaw a ajouté.", []string{"Frank Shaw:2"}, nil},
	{"surname alone", "Shaw a parlé.", nil, nil},
	{"another first name", "Bill Gates et Melinda Gates", []string{"Bill Gates:1", "Melinda Gates:1"}, nil},
	{"surname after an honorific", "M. Breton a répondu à Mme Yaccarino.", []string{"Linda Yaccarino:1", "Thierry Breton:1"}, nil},
	// Products apart.
	{"products", "ChatGPT, GPT-4, GPT-3.5 et Bing", nil, []string{"Bing:1", "ChatGPT:1", "GPT-3.5:1", "GPT-4:1"}},
	{"periphrasis hides its product", "l’éditeur de Windows et Windows 11", []string{"Microsoft:1"}, []string{"Windows:1"}},
}

func TestFind(t *testing.T) {
	for _, tt := range findTests {
		t.Run(tt.name, func(t *testing.T) {
			actors, products := Default().Find("", tt.text)
			if got := foundNames(actors); !slices.Equal(got, tt.actors) {
				t.Errorf("actors %v, want %v", got, tt.actors)
			}
			if got := foundNames(products); !slices.Equal(got, tt.products) {
				t.Errorf("products %v, want %v", got, tt.products)
			}
		})
	}
}

func TestFindTitle(t *testing.T) {
	actors, _ := Default().Find("Microsoft contre Elon", "Microsoft refuse.")
	if got, want := foundNames(actors), []string{"Microsoft:2", "Elon Musk:1"}; !slices.Equal(got, want) {
		t.Errorf("%v, want %v", got, want)
	}
	// The title is a paragraph of its own: no name across it.
	actors, _ = Default().Find("Le milliardaire Elon", "Musk refuse.")
	if got, want := foundNames(actors), []string{"Elon Musk:2"}; !slices.Equal(got, want) {
		t.Errorf("%v, want %v", got, want)
	}
}

func TestFindAliases(t *testing.T) {
	actors, _ := Default().Find("", "la firme de Redmond")
	if len(actors) != 1 || !slices.Contains(actors[0].Aliases, "la firme de Redmond") || actors[0].Discovered {
		t.Fatalf("%+v", actors)
	}
	actors[0].Aliases[0] = "changed"
	if e, _ := Default().Lookup("Microsoft"); e.Aliases[0] == "changed" {
		t.Error("Found shares the gazetteer's aliases")
	}
}

// discoverTests are the discovery rules and their traps; FuzzFind starts
// from their texts.
var discoverTests = []struct {
	name, text string
	want       []string // discovered Name:Count
}{
	{"first name", "Selon Satya Nadella, tout va bien. Nadella sourit.", []string{"Satya Nadella:2"}},
	{"honorific", "M. Dupont et Mme Anne Durand, puis Me Dupond et le Dr Laurent Alexandre.", []string{"Anne Durand:1", "Dupond:1", "Dupont:1", "Laurent Alexandre:1"}},
	{"honorific covered by the full name", "Satya Nadella parle. M. Nadella sourit.", []string{"Satya Nadella:2"}},
	{"role after", "Tidjane Thiam, le président du groupe, parle.", []string{"Tidjane Thiam:1"}},
	{"role before", "le journaliste de CNBC David Faber et l’avocate Zoé Xu", []string{"David Faber:1", "Zoé Xu:1"}},
	{"role before, comma", "la nouvelle PDG de Contoso, Tidjane Thiam", []string{"Tidjane Thiam:1"}},
	{"political role", "le président Macron et la ministre Borne", []string{"Borne:1", "Macron:1"}},
	{"particles", "Dominique de Villepin, Marine Le Pen ; Le Pen répond.", []string{"Marine Le Pen:2", "Dominique de Villepin:1"}},
	{"org marker", "la start-up française Mistral AI et l’ONG Future of Life Foo", []string{"Mistral AI:1"}},
	{"org connectors", "l’association La Quadrature du Net et la banque Goldman Sachs", []string{"Goldman Sachs:1", "La Quadrature du Net:1"}},
	{"legal suffix", "le rachat de Qualtrics International Inc. par Acme SAS", []string{"Acme:1", "Qualtrics International:1"}},
	{"org apposition", "le lancement de Kyutai, un laboratoire de recherche", []string{"Kyutai:1"}},
	// Traps.
	{"sentence starts", "Cela va. Mais non. Dans un an. Si Microsoft paie. Une API. Celui-ci dit non.", nil},
	{"months and days", "En mai, Lundi Matin. Avril sera décisif.", nil},
	{"place", "rue Jean Jaurès, avenue Victor Hugo", nil},
	{"apposition of a place", "À San Francisco, le patron de Contoso a parlé. En Californie, la start-up a levé.", nil},
	{"start of a sentence", "Interrogée, la société a refusé.", nil},
	{"role then organisation then no one", "le directeur de Microsoft Research Asia", nil},
	{"headline in capitals", "LE GROUPE CONTOSO SA DÉMENT", nil},
	{"one word without a role", "Erwan, expert digital pour Coeur sur Paris", nil},
	{"known names are not discovered", "la société OpenAI et M. Musk", nil},
	{"more than four words", "la société Alpha Beta Gamma Delta Epsilon", nil},
	{"four words", "la société Alpha Beta Gamma Delta", []string{"Alpha Beta Gamma Delta:1"}},
	{"English", "Mark my words. Will Smith, May the force be with you.", nil},
}

func TestDiscover(t *testing.T) {
	for _, tt := range discoverTests {
		t.Run(tt.name, func(t *testing.T) {
			actors, _ := Default().Find("", tt.text)
			var got []string
			for _, f := range actors {
				if f.Discovered {
					got = append(got, f.Name+":"+strconv.Itoa(f.Count))
					if len(f.Aliases) != 0 {
						t.Errorf("%s has aliases", f.Name)
					}
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("discovered %v, want %v", got, tt.want)
			}
		})
	}
}

// TestFindConcurrent runs Find on the seeds from several goroutines: the
// results must not depend on what the others do (Find pools its buffers).
func TestFindConcurrent(t *testing.T) {
	arts := seedArticles(t)
	g := Default()
	want := make([][]string, len(arts))
	for i, a := range arts {
		actors, products := g.Find(a.Title, a.Body)
		want[i] = append(foundNames(actors), foundNames(products)...)
	}
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 20; n++ {
				i := (w + n) % len(arts)
				actors, products := g.Find(arts[i].Title, arts[i].Body)
				if got := append(foundNames(actors), foundNames(products)...); !slices.Equal(got, want[i]) {
					t.Errorf("%s: %v, want %v", arts[i].ID, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}

package actors_test

import (
	"fmt"
	"strings"

	"github.com/dossier-search/dossier-search/actors"
)

func ExampleGazetteer_Find() {
	title := "Musk contre la firme de Redmond"
	body := "Le patron de Twitter accuse Microsoft. Satya Nadella, le PDG de Microsoft, " +
		"n’a pas répondu ; Nadella préfère parler de Copilot et de Bing. " +
		"Plus tôt, dans OpenAIil utilisait déjà l’API (https://developer.twitter.com)."
	people, products := actors.Default().Find(title, body)
	for _, a := range people {
		how := "gazetteer"
		if a.Discovered {
			how = "discovered"
		}
		fmt.Printf("%s (%s): %d, %s\n", a.Name, a.Kind, a.Count, how)
	}
	for _, p := range products {
		fmt.Printf("%s (%s): %d\n", p.Name, p.Kind, p.Count)
	}
	// Output:
	// Microsoft (organisation): 3, gazetteer
	// Elon Musk (person): 2, gazetteer
	// Satya Nadella (person): 2, discovered
	// OpenAI (organisation): 1, gazetteer
	// Bing (product): 1
	// Copilot (product): 1
}

func ExampleParse() {
	user, err := actors.Parse(strings.NewReader(`# my gazetteer
Satya Nadella | person | Nadella; le PDG de Microsoft
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	g := user
	if !user.Replaces() {
		g = actors.Default().Extend(user)
	}
	e, _ := g.Lookup("le PDG de Microsoft")
	fmt.Println(e.Name, e.Kind)
	_, err = actors.Parse(strings.NewReader("Acme | company"))
	fmt.Println(err)
	// Output:
	// Satya Nadella person
	// gazetteer line 1: unknown kind "company": want person, organisation, media or product
}

func ExampleKey() {
	fmt.Println(actors.Key("la firme de Redmond") == actors.Key("Firme de  Redmond"))
	fmt.Println(actors.Key("L’éditeur de Windows"))
	// Output:
	// true
	// editeur de windows
}

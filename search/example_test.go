package search_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/dossier-search/dossier-search/dates"
	"github.com/dossier-search/dossier-search/search"
)

func ExampleIndex_Search() {
	ctx := context.Background()
	docs := []search.Document{
		{
			ID:        "a1",
			Title:     "Twitter rend son API payante",
			Body:      "Microsoft refuse de payer l’API de Twitter, devenue payante pour les grandes entreprises.",
			Source:    "jeuxvideo.com",
			Published: dates.Date{Year: 2023, Month: 4, Day: 20},
			Actors:    []string{"Microsoft", "Twitter"},
		},
		{
			ID:     "a2",
			Title:  "Elon Musk menace Microsoft",
			Body:   "« C’est l’heure du procès », écrit le patron de Twitter.",
			Actors: []string{"Elon Musk", "Microsoft", "Twitter"},
		},
	}
	ix, err := search.New(ctx, docs, search.Options{}) // in memory; search.Build writes one to disk
	if err != nil {
		log.Fatal(err)
	}
	defer ix.Close()

	res, err := ix.Search(ctx, search.Request{Query: "api payante"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Total, "hit")
	for _, h := range res.Hits {
		fmt.Println(h.ID, h.Title, h.Published, h.Source)
		for _, s := range h.Snippets {
			fmt.Println(" ", s.Format("[", "]"))
		}
	}

	// Facets count every matching document; Request.Actors and friends filter.
	res, err = ix.Search(ctx, search.Request{Query: "Microsoft", Actors: []string{"elon musk"}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Total, "hit about Elon Musk:", res.Hits[0].ID)
	fmt.Println("actors:", res.Facets.Actor)
	// Output:
	// 1 hit
	// a1 Twitter rend son API payante 2023-04-20 jeuxvideo.com
	//   Microsoft refuse de [payer] l’[API] de Twitter, devenue [payante] pour les grandes entreprises.
	// 1 hit about Elon Musk: a2
	// actors: [{Elon Musk 1} {Microsoft 1} {Twitter 1}]
}

func ExampleQueryError() {
	ix, err := search.New(context.Background(), nil, search.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer ix.Close()
	_, err = ix.Search(context.Background(), search.Request{Query: `"l’heure du procès`})
	fmt.Println(err)
	// Output:
	// query: column 1: unbalanced quotation mark "
}

// An index on disk is built once and opened by later runs.
func ExampleOpen() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "dossier")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "index")

	docs := []search.Document{{ID: "a1", Title: "L’été 2023", Body: "Un été de procès pour Twitter."}}
	ix, err := search.Build(ctx, path, docs, search.Options{})
	if err != nil {
		log.Fatal(err)
	}
	ix.Close()

	ix, err = search.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer ix.Close()
	res, err := ix.Search(ctx, search.Request{Query: "ete proces"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Total, res.Hits[0].Snippets[0].Format("«", "»"))
	// Output:
	// 1 Un «été» de «procès» pour Twitter.
}

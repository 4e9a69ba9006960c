package topics_test

import (
	"fmt"

	"github.com/dossier-search/dossier-search/topics"
)

func ExampleTaxonomy_Assign() {
	body := "Twitter a rendu l’accès à son API payante : Microsoft refuse de payer 42.000 dollars par mois " +
		"et retire Twitter de sa plateforme publicitaire, qui gère les campagnes des annonceurs."
	for _, e := range topics.Default().Assign("Twitter rend son API payante", body) {
		fmt.Println(e.Topic.Label, e.Score)
	}
	// The advertising platform is a passing mention: its evidence, 3, is
	// below topics.Threshold.
	// Output:
	// Accès payant aux API 9
}

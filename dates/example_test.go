package dates_test

import (
	"fmt"

	"github.com/dossier-search/dossier-search/dates"
)

func ExampleMentions() {
	text := "Depuis le 25 avril dernier, Microsoft n’accepte plus Twitter. " +
		"Elon Musk a réagi lundi. Il avait cofondé OpenAI en 2015.\n" +
		"— Elon Musk (@elonmusk) April 19, 2023"
	// Published on Thursday 27 April 2023: « lundi » is the 24th.
	published := dates.Date{Year: 2023, Month: 4, Day: 27}
	for _, m := range dates.Mentions(text, published) {
		fmt.Printf("%-10s %-22q relative=%-5v in %q\n", m.Date, m.Text, m.Relative, m.Sentence)
	}
	// Without a publication date, only the absolute dates are left.
	fmt.Println(len(dates.Mentions(text, dates.Date{})))
	// Output:
	// 2023-04-25 "le 25 avril dernier"  relative=true  in "Depuis le 25 avril dernier, Microsoft n’accepte plus Twitter."
	// 2023-04-24 "lundi"                relative=true  in "Elon Musk a réagi lundi."
	// 2015       "2015"                 relative=false in "Il avait cofondé OpenAI en 2015."
	// 2023-04-19 "April 19, 2023"       relative=false in "— Elon Musk (@elonmusk) April 19, 2023"
	// 2
}

func ExamplePublication() {
	for _, text := range []string{
		" date 2023-04 Alors que sa croisade contre Apple semble mise de côté…",
		"« À compter du 25 avril 2023, les campagnes ne prendront plus en charge Twitter. »\n" +
			"— Elon Musk (@elonmusk) April 19, 2023",
		"« A partir du 25 avril 2023, les campagnes ne seront plus disponibles pour Twitter. »",
	} {
		d, origin := dates.Publication(dates.Date{}, text)
		fmt.Printf("%q %s\n", d.String(), origin)
	}
	// Output:
	// "2023-04" header
	// "2023-04" inferred
	// "" unknown
}

package annotate_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-search/dossier-search/actors"
	"github.com/dossier-search/dossier-search/annotate"
	"github.com/dossier-search/dossier-search/dates"
	"github.com/dossier-search/dossier-search/search"
	"github.com/dossier-search/dossier-search/seeds"
)

func seed(t *testing.T, prefix string) search.Document {
	t.Helper()
	docs, err := seeds.Documents()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if strings.HasPrefix(d.ID, prefix) {
			return d
		}
	}
	t.Fatalf("no seed %s", prefix)
	return search.Document{}
}

func TestHeaderDate(t *testing.T) {
	d := seed(t, "003")
	annotate.Annotator{}.Document(&d)
	if d.Published.String() != "2023-04" || d.PublishedOrigin != dates.HeaderLine {
		t.Errorf("published %s from %s, want 2023-04 from the header", d.Published, d.PublishedOrigin)
	}
	if !strings.HasPrefix(d.Body, "Alors que sa croisade") {
		t.Errorf("the header line is still in the body: %.40q", d.Body)
	}
	var relative []string
	for _, m := range d.Mentions {
		if m.Relative {
			relative = append(relative, m.Date.String()+" "+m.Text)
		}
	}
	if !slices.Contains(relative, "2023-02 février") {
		t.Errorf("relative mentions %q: « dès février » should resolve against the header's date", relative)
	}
	for _, want := range []string{"Elon Musk", "Microsoft", "OpenAI", "Sam Altman", "Intercom"} {
		if !slices.Contains(d.Actors, want) {
			t.Errorf("actors %v lack %s", d.Actors, want)
		}
	}
	if !slices.Contains(d.Products, "ChatGPT") || slices.Contains(d.Actors, "ChatGPT") {
		t.Errorf("ChatGPT is a product: actors %v, products %v", d.Actors, d.Products)
	}
	if !slices.Contains(d.ActorAliases, "la firme de Redmond") {
		t.Errorf("Microsoft's aliases are not indexed: %v", d.ActorAliases)
	}
	if !slices.Contains(d.Topics, "OpenAI et Microsoft") || !slices.Contains(d.TopicAliases, "openai-microsoft") {
		t.Errorf("topics %v %v", d.Topics, d.TopicAliases)
	}
}

func TestInferredDate(t *testing.T) {
	d := seed(t, "000")
	annotate.Annotator{}.Document(&d)
	if d.Published.String() != "2023-04" || d.PublishedOrigin != dates.Inferred {
		t.Errorf("published %s from %s, want 2023-04 inferred", d.Published, d.PublishedOrigin)
	}
	for _, m := range d.Mentions {
		if m.Relative {
			t.Errorf("%q resolved against an inferred date", m.Text)
		}
	}
}

func TestMetadataWins(t *testing.T) {
	d := seed(t, "003")
	d.Published = dates.Date{Year: 2023, Month: 4, Day: 21}
	annotate.Annotator{}.Document(&d)
	if d.Published.String() != "2023-04-21" || d.PublishedOrigin != dates.Metadata {
		t.Errorf("published %s from %s, want the metadata", d.Published, d.PublishedOrigin)
	}
	if strings.Contains(d.Body, "date 2023-04") {
		t.Errorf("the header line stays in the body")
	}
	for _, m := range d.Mentions {
		if m.Text == "lundi" && m.Date.String() != "2023-04-17" {
			t.Errorf("« lundi » resolved to %s, want 2023-04-17", m.Date)
		}
	}
}

func TestOwnGazetteer(t *testing.T) {
	own, err := actors.Parse(strings.NewReader("Erwan | person | Erwan Le Gall\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := seed(t, "004")
	annotate.Annotator{Gazetteer: actors.Default().Extend(own)}.Document(&d)
	if !slices.Contains(d.Actors, "Erwan") || !slices.Contains(d.Actors, "Linda Yaccarino") {
		t.Errorf("actors %v: want the user's Erwan beside the default ones", d.Actors)
	}
}

// TestSeedTopics checks that the seeds, titles included, get the topics
// decided by reading them (../topics/testdata/seeds.golden): the titles of
// four of them are ours, and must not tip a topic.
func TestSeedTopics(t *testing.T) {
	data, err := os.ReadFile("../topics/testdata/seeds.golden")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		d := seed(t, fields[0])
		annotate.Annotator{}.Document(&d)
		got := slices.Sorted(slices.Values(d.TopicAliases))
		want := slices.Sorted(slices.Values(fields[1:]))
		if !slices.Equal(got, want) {
			t.Errorf("seed %s: topics %v, want %v", fields[0], got, want)
		}
	}
}

func TestUntitled(t *testing.T) {
	d := search.Document{ID: "x", Body: "Le premier paragraphe d’un article sans titre, assez long pour être coupé avant la fin de la ligne."}
	annotate.Annotator{}.Document(&d)
	if d.Title != "Le premier paragraphe d’un article sans titre, assez long pour être coupé …" {
		t.Errorf("title %q", d.Title)
	}
}

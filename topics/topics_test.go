package topics

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestSeeds checks the topics of the seed articles against
// testdata/seeds.golden, decided by reading them.
func TestSeeds(t *testing.T) {
	f, err := os.Open("testdata/seeds.golden")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	n := 0
	for s.Scan() {
		line := strings.TrimSpace(s.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		files, _ := filepath.Glob("../seeds/" + fields[0] + "_*.txt")
		if len(files) != 1 {
			t.Fatalf("no seed %s", fields[0])
		}
		body, err := os.ReadFile(files[0])
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range Default().Assign("", string(body)) {
			got = append(got, e.Topic.ID)
		}
		want := fields[1:]
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("seed %s: topics %v, want %v", fields[0], got, want)
			for _, e := range Default().Evidence("", string(body)) {
				t.Logf("  %s %d %v", e.Topic.ID, e.Score, e.Cues)
			}
		}
		n++
	}
	if n != 5 {
		t.Errorf("%d seeds in the golden file, want 5", n)
	}
}

func TestAssign(t *testing.T) {
	for _, c := range []struct {
		name, title, body string
		want              []string
	}{
		{"passing mention", "", "Microsoft annonce un nouveau produit. Une publicité est prévue.", nil},
		{"variants match", "", "Twitter a rendu son API payante. L’accès à l’API coûte 42.000 dollars par mois, fini la gratuité.",
			[]string{"api-payante"}},
		{"core cue needed", "", "Les campagnes de marketing et les campagnes de terrain, les campagnes encore.", nil},
		{"title counts twice", "Cyberattaque contre l’hôpital de Corbeil",
			"Les pirates ont exploité une faille du réseau. Un rançongiciel chiffre les dossiers des patients.", []string{"cybersecurite"}},
		{"neighbouring dossier", "Microsoft boucle le rachat d’Activision",
			"Microsoft a finalisé l’acquisition d’Activision Blizzard pour 69 milliards de dollars. La Commission européenne avait ouvert une enquête " +
				"et le régulateur britannique, l’autorité de la concurrence, avait d’abord bloqué le rachat avant d’accepter une nouvelle offre.",
			[]string{"rachats", "regulation"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, e := range Default().Assign(c.title, c.body) {
				got = append(got, e.Topic.ID)
			}
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("topics %v, want %v; evidence %v", got, c.want, Default().Evidence(c.title, c.body))
			}
		})
	}
}

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in, err string
	}{
		{"a | A | chat; chien", ""},
		{"# comment\n\na | A | +chat; chien # comment", ""},
		{"a | A", "line 1: want id | label | cues"},
		{"a | | chat; chien", "line 1: empty id or label"},
		{"a | A | chat", "line 1: topic a needs two cues"},
		{"a | A | chat; le", "line 1: cue \"le\" has only stop words"},
		{"a | A | chat; chien\na | B | chat; chien", "line 2: topic a defined twice"},
		{"# nothing", "no topic"},
	} {
		_, err := Parse(strings.NewReader(c.in))
		if c.err == "" && err != nil || c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
			t.Errorf("Parse(%q) = %v, want %q", c.in, err, c.err)
		}
	}
}

func TestDefault(t *testing.T) {
	topics := Default().Topics()
	if len(topics) < 10 {
		t.Errorf("%d topics", len(topics))
	}
	for _, name := range []string{"api-payante", "Accès payant aux API", "acces payant aux api"} {
		if topic, ok := Default().Lookup(name); !ok || topic.ID != "api-payante" {
			t.Errorf("Lookup(%q) = %v, %v", name, topic, ok)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("a | A | x; +y\nb | B | « c d »; e")
	f.Add("| | ;;;")
	f.Fuzz(func(t *testing.T, text string) {
		tx, err := Parse(strings.NewReader(text))
		if err != nil {
			return
		}
		for _, topic := range tx.Topics() {
			if topic.ID == "" || len(topic.Cues) < 2 {
				t.Fatalf("bad topic %+v", topic)
			}
		}
		tx.Assign(text, text)
	})
}

package actors

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	good := `# a user's gazetteer
replace

Acme | organisation | Acme Corp; ACME ; ;   # a comment after the aliases
C# | product
Jane Doe|person
  Le Journal | media | le Journal du soir
`
	g, err := Parse(strings.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	if !g.Replaces() {
		t.Error("Replaces() = false after a line replace")
	}
	want := []Entry{
		{Name: "Acme", Kind: Organisation, Aliases: []string{"Acme Corp", "ACME"}},
		{Name: "C#", Kind: Product},
		{Name: "Jane Doe", Kind: Person},
		{Name: "Le Journal", Kind: Media, Aliases: []string{"le Journal du soir"}},
	}
	got := g.Entries()
	if len(got) != len(want) {
		t.Fatalf("%d entries %v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i].Name != want[i].Name || got[i].Kind != want[i].Kind || !slices.Equal(got[i].Aliases, want[i].Aliases) {
			t.Errorf("entry %d = %+v, want %+v", i, got[i], want[i])
		}
	}

	bad := []struct {
		name, file string
		line       int
		msg        string
	}{
		{"unknown kind", "Acme | company", 1, `unknown kind "company"`},
		{"missing name", "# header\n\n | person | Doe", 3, "missing name"},
		{"missing kind", "Acme Corp", 1, "has no kind"},
		{"empty kind", "Acme |", 1, `unknown kind ""`},
		{"too many fields", "Acme | organisation | Acme Corp | ACME", 1, "4 fields"},
		{"replace after an entry", "Acme | organisation\nreplace", 2, "replace must be the first line"},
		{"replace twice", "replace\nreplace", 2, "replace must be the first line"},
		{"duplicate", "Acme | organisation\nAcme | organisation\nACME | media", 2, "already the entry of line 1"},
		{"duplicate without accents", "Société X | organisation\n\nsociete x | organisation", 3, "line 1"},
		{"name without a word", "!!! | person", 1, "no word"},
		{"alias without a word", "Acme | organisation | Acme Inc; --", 1, `"--" has no word`},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.file))
			if err == nil {
				t.Fatal("no error")
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line != tt.line {
				t.Fatalf("error %v, want a *ParseError of line %d", err, tt.line)
			}
			if !strings.Contains(err.Error(), tt.msg) || !strings.HasPrefix(err.Error(), "gazetteer line ") {
				t.Errorf("error %q, want gazetteer line %d: …%s…", err, tt.line, tt.msg)
			}
		})
	}
}

func TestDefault(t *testing.T) {
	g := Default()
	if g.Replaces() {
		t.Error("the default gazetteer replaces")
	}
	for _, tt := range []struct {
		name string
		want string
		kind Kind
	}{
		{"Musk", "Elon Musk", Person},
		{"@elonmusk", "Elon Musk", Person},
		{"le patron de Twitter", "Elon Musk", Person},
		{"la firme de Redmond", "Microsoft", Organisation},
		{"L’éditeur de Windows", "Microsoft", Organisation},
		{"le géant de Redmond", "Microsoft", Organisation},
		{"X Corp", "Twitter", Organisation},
		{"OpenAIil", "OpenAI", Organisation},
		{"Franck Shaw", "Frank Shaw", Person},
		{"l'avocat d'Elon Musk", "Alex Spiro", Person},
		{"Yaccarino", "Linda Yaccarino", Person},
		{"Deepmind", "DeepMind", Organisation},
		{"Future of Life", "Future of Life Institute", Organisation},
		{"le New York Times", "New York Times", Media},
		{"WSJ", "Wall Street Journal", Media},
		{"CNBC", "CNBC", Media},
		{"GPT-4", "GPT-4", Product},
		{"TruthGPT", "Truth GPT", Product},
		{"la plateforme Advertising", "Microsoft Advertising", Product},
		{"DMC", "Digital Marketing Center", Product},
		{"Facebook", "Facebook", Product},
		{"LinkedIn", "LinkedIn", Product},
		{"Google", "Google", Organisation},
		{"Alphabet", "Alphabet", Organisation},
	} {
		e, ok := g.Lookup(tt.name)
		if !ok || e.Name != tt.want || e.Kind != tt.kind {
			t.Errorf("Lookup(%q) = %q %s %v, want %q %s", tt.name, e.Name, e.Kind, ok, tt.want, tt.kind)
		}
	}
	// Discovery is tested on these people: the gazetteer must not know them.
	for _, name := range []string{"Satya Nadella", "Nadella", "Sundar Pichai", "Jensen Huang", "David Faber"} {
		if e, ok := g.Lookup(name); ok {
			t.Errorf("Lookup(%q) = %v: the default gazetteer must not know it", name, e)
		}
	}
	// Entries and Lookup give copies.
	e, _ := g.Lookup("Microsoft")
	e.Aliases[0] = "changed"
	g.Entries()[0].Aliases[0] = "changed"
	if e, _ := g.Lookup("Microsoft"); e.Aliases[0] == "changed" {
		t.Error("Lookup shares the entry's aliases")
	}
	if g.Entries()[0].Aliases[0] == "changed" {
		t.Error("Entries shares the entries' aliases")
	}
}

func TestExtend(t *testing.T) {
	user, err := Parse(strings.NewReader(`
Microsoft | organisation | Microsoft Research
Contoso | organisation | Contoso Ltd
Musk Foundation | organisation | Musk
Contoso Cloud | product | Microsoft Azure; Microsoft
`))
	if err != nil {
		t.Fatal(err)
	}
	if user.Replaces() {
		t.Fatal("Replaces() without a line replace")
	}
	def := Default()
	g := def.Extend(user)
	if got, want := len(g.Entries()), len(def.Entries())+3; got != want {
		t.Errorf("%d entries, want %d", got, want)
	}
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"Contoso Ltd", "Contoso", true},
		{"Microsoft Research", "Microsoft", true},
		{"la firme de Redmond", "", false}, // the user's Microsoft replaced the default's, aliases and all
		{"Musk", "Musk Foundation", true},  // the later entry wins an alias
		{"Elon Musk", "Elon Musk", true},
		{"Microsoft Azure", "Contoso Cloud", true}, // an alias of the default Azure
		{"Azure", "Azure", true},
		{"Microsoft", "Microsoft", true}, // a canonical name wins over a later alias
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := g.Lookup(tt.name)
			if ok != tt.ok || e.Name != tt.want {
				t.Errorf("Lookup(%q) = %q %v, want %q %v", tt.name, e.Name, ok, tt.want, tt.ok)
			}
		})
	}
	// The user's Microsoft stands where the default's stood.
	at := slices.IndexFunc(g.Entries(), func(e Entry) bool { return e.Name == "Microsoft" })
	if defAt := slices.IndexFunc(def.Entries(), func(e Entry) bool { return e.Name == "Microsoft" }); at != defAt {
		t.Errorf("Microsoft is entry %d, was %d", at, defAt)
	}
	if _, ok := def.Lookup("la firme de Redmond"); !ok {
		t.Error("Extend changed the default gazetteer")
	}
	actors, products := g.Find("", "Musk a parlé à Contoso Ltd, à Microsoft et à Microsoft Azure.")
	if names := foundNames(actors); !slices.Equal(names, []string{"Contoso:1", "Microsoft:1", "Musk Foundation:1"}) {
		t.Errorf("Find = %v", names)
	}
	if names := foundNames(products); !slices.Equal(names, []string{"Contoso Cloud:1"}) {
		t.Errorf("Find = %v", names)
	}

	// What the command does with a file that replaces.
	repl, err := Parse(strings.NewReader("replace\nContoso | organisation\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		user *Gazetteer
		want int
	}{{user, len(def.Entries()) + 3}, {repl, 1}} {
		g := tt.user
		if !tt.user.Replaces() {
			g = Default().Extend(tt.user)
		}
		if got := len(g.Entries()); got != tt.want {
			t.Errorf("%d entries, want %d", got, tt.want)
		}
	}
}

func TestNilGazetteer(t *testing.T) {
	var g *Gazetteer
	if _, ok := g.Lookup("Microsoft"); ok || g.Entries() != nil || g.Replaces() {
		t.Error("a nil gazetteer knows something")
	}
	actors, products := g.Find("", "Satya Nadella, le PDG de Microsoft, parle de Bing.")
	if names := foundNames(actors); !slices.Equal(names, []string{"Satya Nadella:1"}) || len(products) != 0 {
		t.Errorf("Find = %v %v, want discovery only", names, products)
	}
}

// foundNames gives "Name:Count" for each Found.
func foundNames(fs []Found) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Name+":"+strconv.Itoa(f.Count))
	}
	return out
}

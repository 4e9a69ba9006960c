package dates

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// brief writes a mention as its date, "=" or "~" when it is relative, and
// its text: "2023-04-25=25 avril 2023", "2022~l’année dernière".
func brief(m Mention) string {
	sep := "="
	if m.Relative {
		sep = "~"
	}
	return m.Date.String() + sep + m.Text
}

// check tests the invariants that hold for the mentions of any text.
func check(t *testing.T, text string, ms []Mention) {
	t.Helper()
	boundary := map[int]bool{len(text): true}
	for i := range text {
		boundary[i] = true
	}
	// Sentences are split line by line; split the whole text instead.
	from := 0
	if _, body, ok := Header(text); ok {
		from = body
	}
	all := sentences(text, from, len(text))
	end := 0
	for _, m := range ms {
		if sp := sentenceOf(all, m.Start); m.Sentence != collapse(text[sp.start:sp.end]) {
			t.Fatalf("%q: sentence %q, split whole %q", text, m.Sentence, collapse(text[sp.start:sp.end]))
		}
		if m.Start < end || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("%q: mention %+v out of order or out of the text", text, m)
		}
		end = m.End
		if !boundary[m.Start] || !boundary[m.End] {
			t.Fatalf("%q: mention %+v not on rune boundaries", text, m)
		}
		if m.Text != text[m.Start:m.End] {
			t.Fatalf("%q: Text %q is not text[%d:%d]", text, m.Text, m.Start, m.End)
		}
		if m.Date.Precision() == Unknown || !m.Date.Start().Before(m.Date.End()) {
			t.Fatalf("%q: mention %+v has no valid date", text, m)
		}
		if d, err := Parse(m.Date.String()); err != nil || d != m.Date {
			t.Fatalf("%q: mention %+v: date does not exist: %v", text, m, err)
		}
		if !utf8.ValidString(m.Sentence) || m.Sentence != strings.Join(strings.Fields(m.Sentence), " ") {
			t.Fatalf("%q: sentence %q not valid or not collapsed", text, m.Sentence)
		}
		if utf8.ValidString(text) && !strings.Contains(m.Sentence, strings.Join(strings.Fields(m.Text), " ")) {
			t.Fatalf("%q: sentence %q does not hold %q", text, m.Sentence, m.Text)
		}
	}
}

func mentionCase(t *testing.T, text string, published Date, want []string) {
	t.Helper()
	ms := Mentions(text, published)
	check(t, text, ms)
	var got []string
	for _, m := range ms {
		got = append(got, brief(m))
	}
	if !slices.Equal(got, want) {
		t.Errorf("Mentions(%q, %v)\n got %q\nwant %q", text, published, got, want)
	}
}

type mentionTest struct {
	text string
	want []string
}

// Thursday 20 April 2023.
var thursday = Date{2023, 4, 20}

var absoluteTests = []mentionTest{
	// Days.
	{"Le 25 avril 2023, Microsoft a retiré Twitter.", []string{"2023-04-25=Le 25 avril 2023"}},
	{"Depuis le 1er mai 2023.", []string{"2023-05-01=le 1er mai 2023"}},
	{"une date limite fixée au 7 juin 2023", []string{"2023-06-07=7 juin 2023"}},
	{"publié mardi 25 avril 2023 à 10 h", []string{"2023-04-25=mardi 25 avril 2023"}},
	{"publié le mardi 25 avril 2023", []string{"2023-04-25=le mardi 25 avril 2023"}},
	{"— Elon Musk (@elonmusk) April 19, 2023", []string{"2023-04-19=April 19, 2023"}},
	{"On Tuesday, April 25, 2023, it stopped.", []string{"2023-04-25=Tuesday, April 25, 2023"}},
	{"on April 19th, 2023", []string{"2023-04-19=April 19th, 2023"}},
	{"on 19 April 2023", []string{"2023-04-19=19 April 2023"}},
	{"Apr. 19, 2023", []string{"2023-04-19=Apr. 19, 2023"}},
	{"le 12 sept. 2023.", []string{"2023-09-12=le 12 sept. 2023"}},
	{"3 janv 2023", []string{"2023-01-03=3 janv 2023"}},
	{"mis à jour 2023-04-25.", []string{"2023-04-25=2023-04-25"}},
	{"publié le 25/04/2023 à 10:00", []string{"2023-04-25=25/04/2023"}},
	{"25.04.2023 et 1-5-2023", []string{"2023-04-25=25.04.2023", "2023-05-01=1-5-2023"}},
	{"le 28 fevrier 2023", []string{"2023-02-28=le 28 fevrier 2023"}},
	{"le 15 AOÛT 2023 et le 16 aout 2023", []string{"2023-08-15=le 15 AOÛT 2023", "2023-08-16=le 16 aout 2023"}},
	{"3 Décembre 2022, 4 decembre 2022", []string{"2022-12-03=3 Décembre 2022", "2022-12-04=4 decembre 2022"}},
	{"le 29 février 2024", []string{"2024-02-29=le 29 février 2024"}},
	{"le 12 mars 1850", []string{"1850-03-12=le 12 mars 1850"}},
	// Months.
	{"en avril 2023", []string{"2023-04=avril 2023"}},
	{"depuis l’arrivée de Musk fin octobre 2022", []string{"2022-10=fin octobre 2022"}},
	{"début mai 2023 et mi-mai 2023", []string{"2023-05=début mai 2023", "2023-05=mi-mai 2023"}},
	{"courant mars 2023", []string{"2023-03=courant mars 2023"}},
	{"in April 2023, then in mid-May 2023", []string{"2023-04=April 2023", "2023-05=mid-May 2023"}},
	{"en sept. 2023", []string{"2023-09=sept. 2023"}},
	// Years.
	{"début 2018, fin 2022 et mi-2022", []string{"2018=début 2018", "2022=fin 2022", "2022=mi-2022"}},
	{"12 milliards de dollars de chiffre d'affaires en 2022, grâce", []string{"2022=2022"}},
	{"depuis 2015 ; dès 2020", []string{"2015=2015", "2020=2020"}},
	{"d'ici 2030, d’ici fin 2025", []string{"2030=2030", "2025=fin 2025"}},
	{"jusqu’en 2025, avant 2030, après 2018", []string{"2025=2025", "2030=2030", "2018=2018"}},
	{"courant 2023, l'année 2022, l’an 2000", []string{"2023=courant 2023", "2022=2022", "2000=2000"}},
	{"à l’horizon 2030, l’été 2022, cet hiver 2023", []string{"2030=2030", "2022=2022", "2023=2023"}},
	{"in 2022, since 2015, by 2030", []string{"2022=2022", "2015=2015", "2030=2030"}},
	{"le film (2022) sort", []string{"2022=2022"}},
	{"il faut remonter à 2015", []string{"2015=2015"}},
	{"un texte datant de 2015, à partir de 2024", []string{"2015=2015", "2024=2024"}},
	{"la saison 2022-2023 et la guerre 1940–1945", []string{"2022=2022", "2023=2023", "1940=1940", "1945=1945"}},
	{"entre 2015 et 2018, de 2019 à 2021", []string{"2015=2015", "2018=2018", "2019=2019", "2021=2021"}},
	{"en 2015, 2016 et 2018", []string{"2015=2015", "2016=2016", "2018=2018"}},
	{"en mai 2022 et 2023", []string{"2022-05=mai 2022", "2023=2023"}},
	// Not dates.
	{"42.000 dollars (38.373 euros) par mois", nil},
	{"780 millions de fois, 44 milliards, 2,5 millions", nil},
	{"GPT-4, GPT-2023, Windows 2000", nil},
	{"le 1er, le 25 et le 2023", nil},
	{"le rapport 2023-XYZ, 2023 utilisateurs", nil},
	{"en 2000 exemplaires, en 2022 euros, en 2023,5", nil},
	{"des 2000 salariés, les années 2010", nil},
	{"en 1 500 000 exemplaires, depuis 2 023 000", nil},
	{"en 1789, en 2101, en 12345, en 0980", nil},
	{"entre 500.000 et 2,5 millions, entre 1900 et 2000 euros", nil},
	{"le 31 février 2023, le 29 février 2023, le 32 mai 2023", nil},
	{"30/02/2023, 04/25/2023, 2023-02-30, 2023-13-01", nil},
	{"le 25 avril 1789", nil},
	{"01 23 45 67 89, 2023-04", nil},
	{"la mission vers Mars en 2030", []string{"2030=2030"}},
	{"cette année-là, en 2022", []string{"2022=2022"}},
	{"25 avril\n2023", nil},
	{"", nil},
}

func TestMentionsAbsolute(t *testing.T) {
	for _, c := range absoluteTests {
		t.Run(c.text, func(t *testing.T) {
			// Absolute mentions do not depend on the publication date.
			mentionCase(t, c.text, Date{}, c.want)
			var want []string
			for _, m := range Mentions(c.text, thursday) {
				if !m.Relative {
					want = append(want, brief(m))
				}
			}
			if !slices.Equal(want, c.want) {
				t.Errorf("with a publication date: got %q, want %q", want, c.want)
			}
		})
	}
}

var relativeTests = []struct {
	text      string
	published Date
	want      []string
}{
	// Days and months without a year.
	{"depuis le 25 avril dernier", thursday, []string{"2022-04-25~le 25 avril dernier"}},
	{"le changement prévu le 25 avril", thursday, []string{"2023-04-25~le 25 avril"}},
	{"le 20 avril dernier", thursday, []string{"2023-04-20~le 20 avril dernier"}},
	{"le 3 mai prochain, le 15 avril prochain", thursday, []string{"2023-05-03~le 3 mai prochain", "2024-04-15~le 15 avril prochain"}},
	{"le 1er décembre", thursday, []string{"2022-12-01~le 1er décembre"}},
	{"le 1er novembre", thursday, []string{"2022-11-01~le 1er novembre"}}, // 2023-11-01 is 195 days away
	{"le 1er octobre", thursday, []string{"2023-10-01~le 1er octobre"}},
	{"le 29 février", thursday, []string{"2024-02-29~le 29 février"}},
	{"on April 25", thursday, []string{"2023-04-25~April 25"}},
	{"they may 25 times", thursday, nil},
	{"depuis le 25 avril dernier", Date{2023, 4, 0}, []string{"2023-04-25~le 25 avril dernier"}},
	{"prévu le 29 avril", Date{2023, 4, 0}, []string{"2023-04-29~le 29 avril"}},
	{"le 25 avril", Date{Year: 2023}, nil},
	{"le 25 avril dernier", Date{}, nil},
	{"Fin avril, en avril dernier, dès février", thursday, []string{"2023-04~Fin avril", "2022-04~avril dernier", "2023-02~février"}},
	{"en décembre, en mai prochain, mi-mai, le mois de juin", thursday, []string{"2022-12~décembre", "2023-05~mai prochain", "2023-05~mi-mai", "2023-06~juin"}},
	{"Fin avril", Date{Year: 2023}, nil},
	{"En Mars, vers Mars, mars seul, en May", thursday, nil},
	// Months and years.
	{"Le mois dernier, ce mois-ci, le mois prochain", thursday, []string{"2023-03~Le mois dernier", "2023-04~ce mois-ci", "2023-05~le mois prochain"}},
	{"jusqu’au mois dernier", Date{2023, 5, 0}, []string{"2023-04~mois dernier"}},
	{"le mois dernier", Date{2023, 1, 0}, []string{"2022-12~le mois dernier"}},
	{"le mois dernier", Date{Year: 2023}, nil},
	{"L’année dernière, l'an dernier, l’an prochain, l'année passée", Date{Year: 2023}, []string{"2022~L’année dernière", "2022~l'an dernier", "2024~l’an prochain", "2022~l'année passée"}},
	{"cette année, this year, last year, last month", thursday, []string{"2023~cette année", "2023~this year", "2022~last year", "2023-03~last month"}},
	{"cette année-là", thursday, nil},
	{"L’année dernière", Date{}, nil},
	// Weekdays and days.
	{"lundi, mardi dernier, jeudi, jeudi dernier, lundi prochain", thursday, []string{
		"2023-04-17~lundi", "2023-04-18~mardi dernier", "2023-04-20~jeudi", "2023-04-13~jeudi dernier", "2023-04-24~lundi prochain"}},
	{"Dans la soirée de lundi, le milliardaire", thursday, []string{"2023-04-17~lundi"}},
	{"on Monday, last Monday, next Thursday", thursday, []string{"2023-04-17~Monday", "2023-04-17~last Monday", "2023-04-27~next Thursday"}},
	{"Dans la soirée de lundi", Date{2023, 4, 0}, nil},
	{"hier, avant-hier, aujourd’hui, aujourd'hui", thursday, []string{"2023-04-19~hier", "2023-04-18~avant-hier", "2023-04-20~aujourd’hui", "2023-04-20~aujourd'hui"}},
	{"yesterday and today", thursday, []string{"2023-04-19~yesterday", "2023-04-20~today"}},
	{"Aujourd’hui, un cabinet", Date{2023, 5, 0}, nil},
	{"le monde d’aujourd’hui, la presse d'hier", thursday, nil},
	{"le lundi, chaque lundi, du lundi au vendredi, mardi gras, Vendredi saint", thursday, nil},
	{"Black Friday, the Sunday Times", thursday, nil},
	// Weeks have no precision of their own.
	{"Plus tôt cette semaine, la semaine dernière", thursday, nil},
}

func TestMentionsRelative(t *testing.T) {
	for _, c := range relativeTests {
		t.Run(fmt.Sprintf("%s/%v", c.text, c.published), func(t *testing.T) {
			mentionCase(t, c.text, c.published, c.want)
		})
	}
}

func TestMentionsSentence(t *testing.T) {
	for _, c := range []struct {
		text, want string
	}{
		{"Un titre\nM. Musk a parlé le 25 avril 2023. Ensuite, rien.", "M. Musk a parlé le 25 avril 2023."},
		{"Mme Yaccarino arrive. Le taux est de 2,5 % et 3.5 points en 2022 !  Non.", "Le taux est de 2,5 % et 3.5 points en 2022 !"},
		{"Le motif ? « Ils ont triché en 2022. » Il accuse.", "« Ils ont triché en 2022. »"},
		{"St. Louis, J. K. Rowling et l’an 2000\n\n", "St. Louis, J. K. Rowling et l’an 2000"},
		{"Voilà… en 2018, etc. et fin.", "en 2018, etc. et fin."},
		{"Lawsuit time. — Elon Musk (@elonmusk) April 19, 2023", "— Elon Musk (@elonmusk) April 19, 2023"},
		{" date 2023-04 Alors   que\tdepuis 2015 rien.", "Alors que depuis 2015 rien."},
	} {
		t.Run(c.text, func(t *testing.T) {
			ms := Mentions(c.text, Date{})
			check(t, c.text, ms)
			if len(ms) != 1 || ms[0].Sentence != c.want {
				t.Errorf("Mentions(%q) = %+v, want one mention in %q", c.text, ms, c.want)
			}
		})
	}
}

func TestMentionsHeader(t *testing.T) {
	// The header is the article's date, not one of its mentions.
	mentionCase(t, "date 2023-04-25\nLe 19 avril 2023.", Date{}, []string{"2023-04-19=Le 19 avril 2023"})
	mentionCase(t, "Une date 2023-04-25", Date{}, []string{"2023-04-25=2023-04-25"})
}

// seedMentions are the mentions of the seed articles, decided by reading
// them, without and with a publication date. The dates given are those of
// the header line for 003; for the others, what the texts say: 000 reacts
// to tweets of 19 April 2023 that « aujourd’hui » follows; 001 calls those
// tweets « le mois dernier », so it is from May 2023; 004 reports the
// letter to Microsoft « aujourd’hui », which was in May 2023.
var seedMentions = []struct {
	name      string
	published Date
	without   []string
	with      []string
}{
	{"000_20d4468c28d55aaa", Date{2023, 4, 20},
		[]string{"2023-04-25=25 avril 2023", "2023-04-19=April 19, 2023", "2023-04-19=April 19, 2023"},
		[]string{"2023-04-25=25 avril 2023", "2023-04-20~aujourd’hui", "2023-04-19=April 19, 2023", "2023-04-19=April 19, 2023", "2022~L’année dernière"}},
	{"001_0b7fc5ff4c6b2ed7", Date{2023, 5, 0},
		[]string{"2023-04-19=April 19, 2023", "2022=2022", "2023-06-07=7 juin 2023"},
		[]string{"2023-04~Fin avril", "2023-04-25~le 25 avril dernier", "2023-04-19=April 19, 2023", "2023-04~Le mois dernier", "2022=2022", "2023-04~mois dernier", "2023-06-07=7 juin 2023"}},
	{"002_843de1c9ddce4238", Date{2023, 4, 0},
		[]string{"2023-04-25=25 avril 2023", "2018=2018"},
		[]string{"2023-04-25=25 avril 2023", "2018=2018"}},
	{"003_6ff86a6e1dad416c", Date{2023, 4, 0},
		[]string{"2023-04-19=April 19, 2023", "2023-04-25=25 avril 2023", "2022=2022", "2022-10=fin octobre 2022", "2015=2015", "2018=2018", "2018=début 2018", "2022=fin 2022"},
		[]string{"2023-04-19=April 19, 2023", "2023-04-25=25 avril 2023", "2022=2022", "2023-02~février", "2023-04-29~le 29 avril", "2022-10=fin octobre 2022", "2015=2015", "2018=2018", "2018=début 2018", "2022=fin 2022"}},
	{"004_162c5923d331159a", Date{2023, 5, 19},
		nil,
		[]string{"2023-05-19~aujourd’hui"}},
}

func readSeed(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "seeds", name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestMentionsSeeds(t *testing.T) {
	for _, c := range seedMentions {
		t.Run(c.name, func(t *testing.T) {
			text := readSeed(t, c.name)
			t.Run("unpublished", func(t *testing.T) { mentionCase(t, text, Date{}, c.without) })
			t.Run(c.published.String(), func(t *testing.T) { mentionCase(t, text, c.published, c.with) })
		})
	}
}

func TestMentionsSeedSentences(t *testing.T) {
	ms := Mentions(readSeed(t, "000_20d4468c28d55aaa"), Date{})
	for i, want := range []string{
		"L’entreprise américaine a fait son annonce au travers d’une publication laconique : « À compter du 25 avril 2023, les campagnes intelligentes multiplateformes ne prendront plus en charge Twitter. »",
		"— Elon Musk (@elonmusk) April 19, 2023",
	} {
		if ms[i].Sentence != want {
			t.Errorf("mention %d in %q, want %q", i, ms[i].Sentence, want)
		}
	}
}

func FuzzMentions(f *testing.F) {
	for _, c := range absoluteTests {
		f.Add(c.text)
	}
	for _, c := range relativeTests {
		f.Add(c.text)
	}
	for _, c := range seedMentions {
		f.Add(readSeed(f, c.name))
	}
	f.Add("date 2023-04\xff le 25 avril\xe2\x80 2023 (2022)")
	f.Fuzz(func(t *testing.T, text string) {
		for _, published := range []Date{{}, {Year: 2023}, {2023, 4, 0}, thursday} {
			ms := Mentions(text, published)
			check(t, text, ms)
			for _, m := range ms {
				if m.Relative && published.IsZero() {
					t.Fatalf("%q: relative mention %+v without a publication date", text, m)
				}
			}
		}
		pub, origin := Publication(Date{}, text)
		if a := Read(Date{}, text); a.Published != pub || a.Origin != origin || a.Start < 0 || a.Start > len(text) {
			t.Fatalf("%q: Read gives %v %v from %d, Publication %v %v", text, a.Published, a.Origin, a.Start, pub, origin)
		}
	})
}

// BenchmarkMentions runs Mentions on the seed articles, beside a baseline
// that only splits them into words, for a ratio read in one run.
func BenchmarkMentions(b *testing.B) {
	var texts []string
	n := 0
	for _, c := range seedMentions {
		texts = append(texts, readSeed(b, c.name))
		n += len(texts[len(texts)-1])
	}
	for _, published := range []Date{{}, thursday} {
		b.Run("published="+published.String(), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(n))
			for b.Loop() {
				for _, text := range texts {
					Mentions(text, published)
				}
			}
		})
	}
	b.Run("baseline=strings.Fields", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(n))
		for b.Loop() {
			for _, text := range texts {
				strings.Fields(text)
			}
		}
	})
}

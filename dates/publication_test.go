package dates

import (
	"reflect"
	"strings"
	"testing"
)

func TestHeader(t *testing.T) {
	for _, c := range []struct {
		name, text string
		ok         bool
		date       string
		body       string // text[bodyStart:]
	}{
		{"same line", " date 2023-04 Alors que sa croisade", true, "2023-04", "Alors que sa croisade"},
		{"own line", "date 2023-04-25\n\nLe texte.", true, "2023-04-25", "Le texte."},
		{"year", "DATE 2023\tTexte", true, "2023", "Texte"},
		{"leading lines", "\n  \uFEFFDate   2023-04-25", true, "2023-04-25", ""},
		{"crlf", "date 2023-04\r\nTexte", true, "2023-04", "Texte"},
		{"no space", "date2023-04 Texte", false, "", ""},
		{"line break", "date\n2023-04 Texte", false, "", ""},
		{"glued", "date 2023-04-25T10:00 Texte", false, "", ""},
		{"bad month", "date 2023-13 Texte", false, "", ""},
		{"bad day", "date 2023-02-29 Texte", false, "", ""},
		{"slashes", "date 25/04/2023 Texte", false, "", ""},
		{"not first", "Texte date 2023-04", false, "", ""},
		{"word", "dates 2023-04", false, "", ""},
		{"empty", "", false, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, body, ok := Header(c.text)
			if ok != c.ok {
				t.Fatalf("Header(%q) ok = %v", c.text, ok)
			}
			if !ok {
				if d != (Date{}) || body != 0 {
					t.Errorf("Header(%q) = %v, %d, false", c.text, d, body)
				}
				return
			}
			if d.String() != c.date || c.text[body:] != c.body {
				t.Errorf("Header(%q) = %v, body %q; want %s, %q", c.text, d, c.text[body:], c.date, c.body)
			}
		})
	}
}

func TestPublication(t *testing.T) {
	meta := Date{2023, 5, 18}
	for _, c := range []struct {
		name   string
		meta   Date
		text   string
		date   string
		origin Origin
	}{
		{"003 header", Date{}, readSeed(t, "003_6ff86a6e1dad416c"), "2023-04", HeaderLine},
		{"000 inferred from the tweets", Date{}, readSeed(t, "000_20d4468c28d55aaa"), "2023-04", Inferred},
		// « La demande fait état d’une date limite fixée au 7 juin 2023 »:
		// a deadline. The tweet of April 19, 2023 remains. The article is
		// in fact of May 2023 (the tweet is « le mois dernier »): the rule
		// gives a lower bound.
		{"001 inferred, deadline left out", Date{}, readSeed(t, "001_0b7fc5ff4c6b2ed7"), "2023-04", Inferred},
		{"002 start date left out", Date{}, readSeed(t, "002_843de1c9ddce4238"), "", NoDate},
		{"004 nothing", Date{}, readSeed(t, "004_162c5923d331159a"), "", NoDate},
		{"metadata first", meta, readSeed(t, "003_6ff86a6e1dad416c"), "2023-05-18", Metadata},
		{"metadata at year precision", Date{Year: 2023}, "date 2023-04-25", "2023", Metadata},
		{"latest month", Date{}, "En mars 2023, puis le 2 février 2023 et fin octobre 2022.", "2023-03", Inferred},
		{"day to month", Date{}, "Le 25 avril 2023, Microsoft a retiré Twitter.", "2023-04", Inferred},
		{"years never infer", Date{}, "en 2018, depuis 2015, début 2023", "", NoDate},
		{"relative never infers", Date{}, "le 25 avril dernier, le mois dernier", "", NoDate},
		{"future left out", Date{}, "Le 3 mars 2023, Twitter annonce des prix valables à partir du 1er mai 2023.", "2023-03", Inferred},
		{"markers", Date{}, "à compter du 1er mai 2023, dès le 2 mai 2023, d’ici le 3 mai 2023, avant le 4 mai 2023, " +
			"jusqu’au 5 mai 2023, prévu le 6 mai 2023, prévue le 7 mai 2023, fixé au 8 mai 2023, " +
			"fixée au 9 mai 2023, date limite : 10 mai 2023, deadline May 11, 2023, from May 12, 2023, " +
			"starting May 13, 2023, by May 14, 2023, until May 15, 2023, d'ici juin 2023", "", NoDate},
		{"marker too far", Date{}, "À partir de ce jour-là, qui fut pour tous un grand tournant, le 25 avril 2023.", "2023-04", Inferred},
		{"marker in another sentence", Date{}, "Rien à partir du moment où. Le 25 avril 2023, tout change.", "2023-04", Inferred},
		{"empty", Date{}, "", "", NoDate},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, o := Publication(c.meta, c.text)
			if d.String() != c.date || o != c.origin {
				t.Errorf("Publication = %v, %v; want %s, %v", d, o, c.date, c.origin)
			}
		})
	}
}

func TestOriginString(t *testing.T) {
	for o, want := range map[Origin]string{NoDate: "unknown", Metadata: "metadata", HeaderLine: "header", Inferred: "inferred", 9: "Origin(9)"} {
		if o.String() != want {
			t.Errorf("Origin(%d).String() = %q, want %q", uint8(o), o.String(), want)
		}
	}
}

func FuzzHeader(f *testing.F) {
	for _, s := range []string{" date 2023-04 Alors", "date 2023-04-25\n\nTexte", "DATE 2023\t", "date\n2023", "date 2023-02-29 x", "\uFEFFdate 2023 \xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, body, ok := Header(text)
		if !ok {
			if d != (Date{}) || body != 0 {
				t.Fatalf("Header(%q) = %v, %d, false", text, d, body)
			}
			return
		}
		if body < 0 || body > len(text) {
			t.Fatalf("Header(%q): body at %d out of the text", text, body)
		}
		if p, err := Parse(d.String()); err != nil || p != d {
			t.Fatalf("Header(%q) = %v, not a date", text, d)
		}
		head := text[:body]
		if lower := strings.ToLower(head); !strings.Contains(lower, "date") || !strings.Contains(lower, d.String()) {
			t.Fatalf("Header(%q) = %v, %d: the header is not in %q", text, d, body, head)
		}
		if got, _ := Publication(Date{}, text); got != d {
			t.Fatalf("Publication(%q) = %v, header says %v", text, got, d)
		}
	})
}

// TestRead checks that Read gives what Publication, Header and Mentions
// give one after the other, on the seeds and on texts of each origin.
func TestRead(t *testing.T) {
	texts := map[string]string{
		"header":   "date 2023-04-25\n\nLundi, Microsoft a annoncé la fin le 25 avril 2023.",
		"inferred": "Le 3 mai 2023, Twitter a coupé l’accès. Depuis le mois dernier, rien.",
		"relative": "Lundi dernier, Twitter a changé ses prix. Le 2 mars 2024 aussi.",
		"none":     "Aucune date ici.",
		"empty":    "",
	}
	for _, c := range seedMentions {
		texts[c.name] = readSeed(t, c.name)
	}
	for name, text := range texts {
		for _, meta := range []Date{{}, {Year: 2023, Month: 5, Day: 2}} {
			t.Run(name+"/"+meta.String(), func(t *testing.T) {
				pub, origin := Publication(meta, text)
				body := text
				if _, start, ok := Header(text); ok {
					body = text[start:]
				}
				known := pub
				if origin == Inferred {
					known = Date{}
				}
				want := Mentions(body, known)
				got := Read(meta, text)
				if got.Published != pub || got.Origin != origin || text[got.Start:] != body || !reflect.DeepEqual(got.Mentions, want) {
					t.Errorf("Read: %v %v %q %v\nwant %v %v %q %v", got.Published, got.Origin, text[got.Start:], got.Mentions, pub, origin, body, want)
				}
			})
		}
	}
}

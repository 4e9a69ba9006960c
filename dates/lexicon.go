package dates

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// class says what role a known word can play in a date expression. A word
// can have several.
type class uint16

const (
	monthName   class = 1 << iota // avril, April, avr
	monthAbbr                     // an abbreviation: needs a day or a year beside it
	english                       // an English month or weekday name
	weekdayName                   // lundi, Monday
	yearCue                       // en 2022, depuis 2015, in 2022: the number after it is a year
	qualifier                     // début, fin, mi-, courant, early, late, mid: part of the mention's text
	unit                          // euros, millions, fois: the number before it is a quantity
	ordinal                       // 1er, 19th
	starter                       // a pattern can start with it
)

// entry is a known word of the lexicon.
type entry struct {
	key     string // the word lowercased, accents folded unless they tell words apart
	exact   string // the key when the accents tell words apart
	class   class
	month   time.Month
	weekday time.Weekday
}

func (e *entry) is(c class) bool { return e != nil && e.class&c != 0 }

// lexicon maps the known words, lowercased and folded to ASCII, to their
// index in entries: « fevrier » finds « février » and « Fevrier ». Words told apart
// only by an accent keep it in their key and must be written with it: « dès »
// is a year cue, « des » is not, and « passé » is not the verb « passe ».
var lexicon, entries = buildLexicon()

// maxWord is the longest word, in bytes, that lookup folds.
const maxWord = 32

func buildLexicon() (map[string]uint16, []*entry) {
	m := map[string]*entry{}
	get := func(w string) (string, *entry) {
		var buf [maxWord]byte
		n, _ := foldWord(&buf, w)
		return string(buf[:n]), m[string(buf[:n])]
	}
	add := func(c class, words ...string) {
		for _, w := range words {
			k, e := get(w)
			if e == nil {
				e = &entry{key: w}
				if k != w {
					e.exact = w
				}
				m[k] = e
			}
			e.class |= c
		}
	}
	months := []struct {
		fr, frAbbr, en, enAbbr []string
	}{
		{[]string{"janvier"}, []string{"janv"}, []string{"january"}, []string{"jan"}},
		{[]string{"fevrier"}, []string{"fevr", "fev"}, []string{"february"}, []string{"feb"}},
		{[]string{"mars"}, nil, []string{"march"}, []string{"mar"}},
		{[]string{"avril"}, []string{"avr"}, []string{"april"}, []string{"apr"}},
		{[]string{"mai"}, nil, []string{"may"}, nil},
		{[]string{"juin"}, nil, []string{"june"}, []string{"jun"}},
		{[]string{"juillet"}, []string{"juil"}, []string{"july"}, []string{"jul"}},
		{[]string{"aout"}, nil, []string{"august"}, []string{"aug"}},
		{[]string{"septembre"}, []string{"sept"}, []string{"september"}, []string{"sep"}},
		{[]string{"octobre"}, []string{"oct"}, []string{"october"}, nil},
		{[]string{"novembre"}, []string{"nov"}, []string{"november"}, nil},
		{[]string{"decembre"}, []string{"dec"}, []string{"december"}, nil},
	}
	for i, mo := range months {
		add(monthName, mo.fr...)
		add(monthName|monthAbbr, mo.frAbbr...)
		add(monthName|english, mo.en...)
		add(monthName|monthAbbr|english, mo.enAbbr...)
		for _, ws := range [][]string{mo.fr, mo.frAbbr, mo.en, mo.enAbbr} {
			for _, w := range ws {
				_, e := get(w)
				e.month = time.Month(i + 1)
			}
		}
	}
	for i, w := range []string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"} {
		add(weekdayName, w)
		_, e := get(w)
		e.weekday = time.Weekday(i)
	}
	for i, w := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		add(weekdayName|english, w)
		_, e := get(w)
		e.weekday = time.Weekday(i)
	}
	add(yearCue,
		"en", "depuis", "dès", "avant", "apres", "courant", "annee", "an", "horizon",
		"printemps", "automne", "hiver", "été",
		"in", "since", "by", "until", "before", "after", "during",
		"summer", "winter", "spring", "autumn")
	add(qualifier, "debut", "fin", "mi", "courant", "early", "late", "mid")
	add(unit,
		"euros", "euro", "dollars", "dollar", "livres", "francs", "yens", "yuans",
		"millions", "million", "milliards", "milliard", "mille",
		"personnes", "habitants", "salaries", "employes", "emplois", "postes",
		"utilisateurs", "abonnes", "clients", "exemplaires", "pages", "mots",
		"metres", "km", "kilometres", "kg", "kilos", "tonnes", "litres",
		"points", "voix", "votes", "morts", "victimes", "fois",
		"heures", "minutes", "secondes", "jours", "ans",
		"people", "times", "users", "percent", "pounds")
	add(ordinal, "er", "st", "nd", "rd", "th")
	// Words that patterns compare by key, with no class of their own.
	add(0,
		"le", "l'", "d'", "jusqu'", "au", "du", "de", "a", "et", "ou", "ici",
		"dernier", "derniere", "prochain", "prochaine", "passé", "passée",
		"mois", "ce", "cet", "cette", "ci", "là", "hier", "aujourd'hui", "chaque", "gras", "saint",
		"suivant", "suivante", "precedent", "precedente", "noir", "black", "cyber", "good",
		"entre", "remonter", "remonte", "remontent", "remontant", "remontait",
		"datant", "date", "datent", "partir", "compter",
		"prevu", "prevue", "fixe", "fixee", "limite", "echeance", "pour", "plus", "tard",
		"deadline", "from", "starting", "between", "and", "or", "to",
		"last", "next", "this", "month", "year", "today", "yesterday")
	add(starter, "le", "au", "du", "mois", "ce", "l'", "cette", "last", "this", "next",
		"avant", "hier", "yesterday", "aujourd'hui", "today")
	for _, e := range m {
		if e.is(monthName | weekdayName | qualifier) {
			e.class |= starter
		}
	}
	// Entry 0 is nil: the entry of unknown words.
	ids, entries := map[string]uint16{}, []*entry{nil}
	for k, e := range m {
		ids[k] = uint16(len(entries))
		entries = append(entries, e)
	}
	return ids, entries
}

// lookup returns the lexicon entry of the word w, or nil.
func lookup(w string) *entry { return entries[lookupID(w)] }

// lookupID returns the index in entries of the word w, or 0. It runs on
// every word of every article: one map lookup, no allocation.
func lookupID(w string) uint16 {
	var buf [maxWord]byte
	n, ok := foldWord(&buf, w)
	if !ok {
		return 0
	}
	id := lexicon[string(buf[:n])]
	if e := entries[id]; e != nil && e.exact != "" && !strings.EqualFold(w, e.exact) {
		return 0
	}
	return id
}

// foldWord writes w into buf lowercased, with its accents folded and its
// apostrophes made ASCII, and returns its length. It reports false when w
// does not fit.
func foldWord(buf *[maxWord]byte, w string) (int, bool) {
	n := 0
	for i := 0; i < len(w); {
		if n >= len(buf) {
			return 0, false
		}
		if c := w[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		var f string
		switch r = fold(unicode.ToLower(r)); r {
		case 0:
			continue
		case '’', 'ʼ':
			f = "'"
		case 'œ':
			f = "oe"
		case 'æ':
			f = "ae"
		default:
			if n+utf8.RuneLen(r) > len(buf) {
				return 0, false
			}
			n += utf8.EncodeRune(buf[n:], r)
			continue
		}
		if n+len(f) > len(buf) {
			return 0, false
		}
		n += copy(buf[n:], f)
	}
	return n, true
}

// fold returns r without its accent, 0 for a combining mark (a decomposed
// accent), and r itself otherwise.
func fold(r rune) rune {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å':
		return 'a'
	case 'ç':
		return 'c'
	case 'è', 'é', 'ê', 'ë':
		return 'e'
	case 'ì', 'í', 'î', 'ï':
		return 'i'
	case 'ñ':
		return 'n'
	case 'ò', 'ó', 'ô', 'õ', 'ö':
		return 'o'
	case 'ù', 'ú', 'û', 'ü':
		return 'u'
	case 'ý', 'ÿ':
		return 'y'
	}
	if unicode.Is(unicode.Mn, r) {
		return 0
	}
	return r
}

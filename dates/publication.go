package dates

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Origin says where a publication date comes from.
type Origin uint8

const (
	NoDate     Origin = iota // unknown
	Metadata                 // given with the article
	HeaderLine               // a header line of the text, such as « date 2023-04 »
	Inferred                 // inferred from the article's own dated mentions (see Publication)
)

func (o Origin) String() string {
	switch o {
	case NoDate:
		return "unknown"
	case Metadata:
		return "metadata"
	case HeaderLine:
		return "header"
	case Inferred:
		return "inferred"
	}
	return "Origin(" + strconv.Itoa(int(o)) + ")"
}

// Header reads a header line such as « date 2023-04 » at the start of text
// (leading spaces allowed; "date" case-insensitive, then one or more spaces,
// then YYYY, YYYY-MM or YYYY-MM-DD, then whitespace or end). It returns the date and
// the offset where the article's own text starts after the header and the
// whitespace that follows it.
func Header(text string) (d Date, bodyStart int, ok bool) {
	i := skipSpace(text, 0, true)
	if len(text)-i < 4 || !strings.EqualFold(text[i:i+4], "date") {
		return Date{}, 0, false
	}
	i += 4
	j := skipSpace(text, i, false)
	if j == i {
		return Date{}, 0, false
	}
	k := j
	for k < len(text) && (text[k] >= '0' && text[k] <= '9' || text[k] == '-') {
		k++
	}
	if k < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[k:]); !isSpace(r) {
			return Date{}, 0, false // « date 2023-04-25T10:00 » is not a header
		}
	}
	d, err := Parse(text[j:k])
	if err != nil {
		return Date{}, 0, false
	}
	return d, skipSpace(text, k, true), true
}

// skipSpace returns the offset of the first rune from i on that is not
// whitespace, line breaks included or not.
func skipSpace(text string, i int, lines bool) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isSpace(r) || !lines && isLineBreak(r) {
			break
		}
		i += size
	}
	return i
}

func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == '\u0085' || r == '\u2028' || r == '\u2029'
}

// Publication returns the publication date of an article: meta when it is
// known; else the date of a header line; else a date inferred from the
// article's mentions by the rule below; else the zero Date. It never invents one.
//
// The inference is conservative, for a wrong date is worse than none. It
// reads only the absolute mentions known to the day or the month (no year
// alone, nothing relative), and leaves out those that the text announces
// as a start or a deadline: those that a marker such as « à compter du »,
// « à partir du », « dès le », « d’ici », « avant », « jusqu’au », « prévu
// le », « fixée au », « date limite », « from », « by » or « until »
// introduces in the same sentence, at most 40 bytes before. The article is
// then dated to the month of the latest mention left. An article is
// published on or after the events it reports, most often within days; the
// dates it announces come after it, and so does the start of a change
// (« À compter du 25 avril 2023, les campagnes… ne prendront plus en charge
// Twitter »). The month is a lower bound that is usually right, not a
// certainty: an article that recalls a tweet of April and appears in May is
// dated April.
func Publication(meta Date, text string) (Date, Origin) {
	if !meta.IsZero() {
		return meta, Metadata
	}
	if d, _, ok := Header(text); ok {
		return d, HeaderLine
	}
	return infer(scan(text, Date{}))
}

// infer dates an article from the mentions of its scan, by the rule of
// Publication.
func infer(s *scanner) (Date, Origin) {
	var latest Date
	for _, f := range s.found {
		if f.Relative || f.future || f.Date.Precision() < Month {
			continue
		}
		if f.Date.Year > latest.Year || f.Date.Year == latest.Year && f.Date.Month > latest.Month {
			latest = Date{Year: f.Date.Year, Month: f.Date.Month}
		}
	}
	if latest.IsZero() {
		return Date{}, NoDate
	}
	return latest, Inferred
}

// Article is what the package reads of an article.
type Article struct {
	Published Date
	Origin    Origin
	// Start is where the article's words start: after a header line that
	// gives its date (see Header), else 0.
	Start int
	// Mentions are those of the words, text[Start:], resolved against the
	// publication date unless it is inferred.
	Mentions []Mention
}

// Read returns the publication date of an article (see Publication) and
// the mentions of its words: what Publication and then Mentions on the
// text after its header line give, but in one scan of the text where
// Publication has to infer the date.
func Read(meta Date, text string) Article {
	var a Article
	header, start, hasHeader := Header(text)
	if hasHeader {
		a.Start = start
	}
	switch {
	case !meta.IsZero():
		a.Published, a.Origin = meta, Metadata
	case hasHeader:
		a.Published, a.Origin = header, HeaderLine
	default:
		// The words are the whole text, and there is no date to resolve
		// relative mentions against: the mentions are those of the scan
		// that infers the date, as Mentions(text, Date{}) would find them.
		s := scan(text, Date{})
		a.Published, a.Origin = infer(s)
		a.Mentions = mentionsOf(s)
		return a
	}
	a.Mentions = Mentions(text[a.Start:], a.Published)
	return a
}

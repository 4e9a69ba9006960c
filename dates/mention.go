package dates

import (
	"time"
)

// Mention is a date that an article mentions.
type Mention struct {
	Date     Date   // at the precision the text gives (day, month or year)
	Text     string // the expression as written, e.g. "le 25 avril dernier"
	Start    int    // byte offset of Text in the text given to Mentions
	End      int    // byte offset just after Text
	Sentence string // the sentence it stands in, whitespace collapsed to single spaces, trimmed
	Relative bool   // resolved against the publication date
}

// Mentions returns the dated mentions of text in the order they appear.
// Relative expressions are resolved against published when published is
// precise enough for them, and left out otherwise. A header line that
// Header reads is not a mention: it is the article's date, not the
// article's words. The package comment lists the expressions found.
func Mentions(text string, published Date) []Mention {
	return mentionsOf(scan(text, published))
}

// mentionsOf returns the mentions a scan found.
func mentionsOf(s *scanner) []Mention {
	if len(s.found) == 0 {
		return nil
	}
	out := make([]Mention, len(s.found))
	for i, f := range s.found {
		out[i] = f.Mention
		sp := s.sentence(f.Start)
		out[i].Sentence = collapse(s.text[sp.start:sp.end])
	}
	return out
}

// found is a mention as the scanner finds it.
type found struct {
	Mention
	first, last int  // its first and last tokens
	future      bool // the text announces it as a start or a deadline
}

type scanner struct {
	text     string
	from     int // where the article's text starts, after a header line
	toks     []token
	pub      Date
	found    []found
	lastYear int    // the token of the last year found, for « en 2015, 2016 et 2018 »
	line     span   // the line of the last sentence asked for
	spans    []span // the sentences of line
}

// scan finds the mentions of text, resolving relative ones against pub.
func scan(text string, pub Date) *scanner {
	s := &scanner{text: text, pub: pub, lastYear: -1}
	if _, body, ok := Header(text); ok {
		s.from = body
	}
	s.toks = tokenize(text, s.from)
	for i := 0; i < len(s.toks); {
		if next := s.match(i); next > i {
			i = next
		} else {
			i++
		}
	}
	for k := range s.found {
		s.found[k].future = s.announced(&s.found[k])
	}
	return s
}

// sentence returns the sentence that holds the offset at. Mentions come in
// order, so the sentences of one line serve all the mentions in it.
func (s *scanner) sentence(at int) span {
	if s.spans == nil || at < s.line.start || at >= s.line.end {
		s.line = line(s.text, s.from, at)
		s.spans = sentences(s.text, s.line.start, s.line.end)
	}
	return sentenceOf(s.spans, at)
}

// match tries the patterns at token i, longest first. It returns the index
// of the token after the expression found, or i when there is none. An
// expression can be found and give no mention: a date that does not exist
// (« 31 février 2023 »), or a relative one that the publication date does
// not resolve; it is skipped whole, so that no part of it is read as a
// shorter date.
func (s *scanner) match(i int) int {
	t := &s.toks[i]
	if t.kind == punct {
		return i
	}
	if t.kind == number {
		if n := s.dayMonth(i); n > i {
			return n
		}
		if n := s.numeric(i); n > i {
			return n
		}
		if n := s.yearRange(i); n > i {
			return n
		}
		if n := s.yearPair(i); n > i {
			return n
		}
		return s.year(i)
	}
	if !t.e().is(starter) {
		return i // most words start no pattern, « en » and « de » among them
	}
	for _, try := range [...]func(*scanner, int) int{
		(*scanner).dayMonth, (*scanner).monthDay, (*scanner).monthYear, (*scanner).bareMonth,
		(*scanner).qualifiedYear, (*scanner).relative, (*scanner).weekday,
	} {
		if n := try(s, i); n > i {
			return n
		}
	}
	return i
}

// add records a mention of the tokens first to last, unless it spans lines:
// a date is written on one line.
func (s *scanner) add(d Date, first, last int, relative bool) {
	for k := first + 1; k <= last; k++ {
		if s.toks[k].newline {
			return
		}
	}
	start, end := s.toks[first].start, s.toks[last].end
	s.found = append(s.found, found{
		Mention: Mention{Date: d, Text: s.text[start:end], Start: start, End: end, Relative: relative},
		first:   first, last: last,
	})
}

// Token tests. All are false past the end of the tokens, so patterns can
// look ahead without checking lengths.

func (s *scanner) at(i int) *token {
	if i < 0 || i >= len(s.toks) {
		return nil
	}
	return &s.toks[i]
}

func (s *scanner) key(i int, keys ...string) bool {
	t := s.at(i)
	if t == nil || t.e() == nil {
		return false
	}
	for _, k := range keys {
		if t.e().key == k {
			return true
		}
	}
	return false
}

func (s *scanner) is(i int, c class) bool {
	t := s.at(i)
	return t != nil && t.e().is(c)
}

func (s *scanner) punct(i int, rs ...rune) bool {
	t := s.at(i)
	if t == nil || t.kind != punct {
		return false
	}
	for _, r := range rs {
		if t.r == r {
			return true
		}
	}
	return false
}

// glued reports whether token i follows token i-1 with no space.
func (s *scanner) glued(i int) bool {
	t := s.at(i)
	return t != nil && i > 0 && !t.space
}

// sameLine reports whether token i exists and follows token i-1 on the
// same line, with or without space.
func (s *scanner) sameLine(i int) bool {
	t := s.at(i)
	return t != nil && !t.newline
}

func (s *scanner) isNumber(i int) bool {
	t := s.at(i)
	return t != nil && t.kind == number
}

func (s *scanner) isWord(i int) bool {
	t := s.at(i)
	return t != nil && t.kind == word
}

// dayNumber reads a day of the month at token i, with its ordinal suffix
// (« 1er », « 19th »). It returns the day and the last token. Any number of
// one or two digits will do: withYear checks that the day exists, so that
// « 32 mai 2023 » is skipped whole rather than read as « mai 2023 ».
func (s *scanner) dayNumber(i int) (day, last int, ok bool) {
	t := s.at(i)
	if t == nil || t.kind != number || t.digits > 2 {
		return 0, 0, false
	}
	if s.glued(i) && (s.isNumber(i-1) || s.isWord(i-1) || s.punct(i-1, '.', ',', '/', '-', '–')) {
		return 0, 0, false // part of « 2,25 », « GPT-4 » or « A4 »
	}
	last = i
	if s.glued(i+1) && s.is(i+1, ordinal) {
		if s.key(i+1, "er") && t.n != 1 {
			return 0, 0, false
		}
		last = i + 1
	}
	if s.glued(last+1) && (s.isNumber(last+1) || s.isWord(last+1) || s.punct(last+1, '/', '-', '.') && s.glued(last+2) && s.isNumber(last+2)) {
		return 0, 0, false
	}
	return t.n, last, true
}

// yearNumber reports whether token i is a year after a month or a day, on
// the same line: four digits from 1800 to 2100 that are not a quantity. A
// number of four digits out of range reports bad.
func (s *scanner) yearNumber(i int) (year int, ok, bad bool) {
	t := s.at(i)
	if t == nil || t.kind != number || t.digits != 4 || !t.space || t.newline || s.quantity(i) {
		return 0, false, false
	}
	if t.n < 1800 || t.n > 2100 {
		return 0, false, true
	}
	return t.n, true, false
}

// quantity reports whether the number at token i is part of a larger
// number or is followed by a unit: « 2023,5 », « 2 023 000 », « 2000 euros »,
// « 2023XYZ ».
func (s *scanner) quantity(i int) bool {
	switch {
	case s.glued(i+1) && s.punct(i+1, '.', ',') && s.glued(i+2) && s.isNumber(i+2):
		return true
	case s.glued(i+1) && (s.isWord(i+1) || s.isNumber(i+1)):
		return true
	case s.glued(i+1) && s.punct(i+1, '-', '/') && s.glued(i+2) && (s.isWord(i+2) || s.isNumber(i+2)):
		return true
	case s.sameLine(i+1) && s.isNumber(i+1) && s.at(i+1).digits == 3:
		return true
	case s.sameLine(i+1) && (s.is(i+1, unit) || s.punct(i+1, '%', '€', '$', '£')):
		return true
	}
	return false
}

// mode says how a date without its year, or a weekday, is resolved.
type mode uint8

const (
	nearest  mode = iota
	previous      // « dernier »: on or before the publication date
	coming        // « prochain »: on or after it
)

// modeAt reads « dernier », « passé » or « prochain » at token i.
func (s *scanner) modeAt(i int) (mode, bool) {
	if !s.sameLine(i) {
		return nearest, false
	}
	switch {
	case s.key(i, "dernier", "derniere", "passé", "passée"):
		return previous, true
	case s.key(i, "prochain", "prochaine"):
		return coming, true
	}
	return nearest, false
}

// dayMonth reads « [le] [mardi] 25 avril [2023] [dernier] », « 1er mai
// 2023 », « 19 April 2023 ».
func (s *scanner) dayMonth(i int) int {
	j := i
	if s.key(j, "le") {
		j++
	}
	if s.is(j, weekdayName) && s.sameLine(j+1) {
		j++
		if s.punct(j, ',') {
			j++
		}
	}
	if j > i && !s.sameLine(j) {
		return i
	}
	day, dl, ok := s.dayNumber(j)
	if !ok {
		return i
	}
	m := dl + 1
	if !s.is(m, monthName) || !s.at(m).space || !s.sameLine(m) {
		return i
	}
	month := s.at(m).e().month
	last := m
	if s.is(m, monthAbbr) && s.glued(m+1) && s.punct(m+1, '.') {
		last++
	}
	return s.withYear(i, last, day, month)
}

// monthDay reads English « [Tuesday,] April 19[th][,] [2023] ».
func (s *scanner) monthDay(i int) int {
	j := i
	if s.is(j, weekdayName) && s.is(j, english) {
		j++
		if s.punct(j, ',') {
			j++
		}
		if !s.sameLine(j) {
			return i
		}
	}
	if !s.is(j, monthName) || !s.is(j, english) {
		return i
	}
	month := s.at(j).e().month
	k := j + 1
	if s.is(j, monthAbbr) && s.glued(k) && s.punct(k, '.') {
		k++
	}
	if !s.sameLine(k) || !s.at(k).space {
		return i
	}
	day, dl, ok := s.dayNumber(k)
	if !ok {
		return i
	}
	if s.punct(dl+1, ',') && s.glued(dl+1) {
		if _, ok, bad := s.yearNumber(dl + 2); ok || bad {
			return s.withYear(i, dl+1, day, month)
		}
	}
	if _, ok, bad := s.yearNumber(dl + 1); !ok && !bad && !s.at(j).upper {
		return i // « they may 19 »: an English month without a year must be capitalised
	}
	return s.withYear(i, dl, day, month)
}

// withYear ends a day-and-month expression whose tokens run from first to
// last: with the year that follows, or as a relative date.
func (s *scanner) withYear(first, last, day int, month time.Month) int {
	year, ok, bad := s.yearNumber(last + 1)
	switch {
	case bad:
		return last + 2
	case ok:
		if day >= 1 && day <= daysIn(year, month) {
			s.add(Date{year, month, day}, first, last+1, false)
		}
		return last + 2
	}
	if day < 1 || day > daysIn(2024, month) {
		return last + 1 // no leap year has it either
	}
	md, hasMode := s.modeAt(last + 1)
	if hasMode {
		last++
	}
	if d, ok := resolveDay(day, month, md, s.pub); ok {
		s.add(d, first, last, true)
	}
	return last + 1
}

// numeric reads ISO « 2023-04-25 » and French « 25/04/2023 » (also with
// dots or hyphens), day first.
func (s *scanner) numeric(i int) int {
	t := s.at(i)
	if t == nil || t.kind != number {
		return i
	}
	if s.glued(i) && (s.isNumber(i-1) || s.isWord(i-1) || s.punct(i-1, '.', ',', '/', '-', '–')) {
		return i
	}
	// Five tokens, glued: number, separator, number, the same separator, number.
	for k := i + 1; k <= i+4; k++ {
		if !s.glued(k) {
			return i
		}
	}
	a, sep, b, sep2, c := s.at(i), s.at(i+1), s.at(i+2), s.at(i+3), s.at(i+4)
	if sep.kind != punct || sep2.kind != punct || sep.r != sep2.r || b.kind != number || c.kind != number {
		return i
	}
	if s.glued(i+5) && (s.isNumber(i+5) || s.isWord(i+5) || s.punct(i+5, '-', '/', '.', ',') && s.glued(i+6) && s.isNumber(i+6)) {
		return i
	}
	var d Date
	switch {
	case a.digits == 4 && sep.r == '-' && b.digits == 2 && c.digits == 2:
		d = Date{a.n, time.Month(b.n), c.n}
	case a.digits <= 2 && (sep.r == '/' || sep.r == '.' || sep.r == '-') && b.digits <= 2 && c.digits == 4:
		d = Date{c.n, time.Month(b.n), a.n}
	default:
		return i
	}
	if d.Year >= 1800 && d.Year <= 2100 && d.Month >= 1 && d.Month <= 12 && d.Day >= 1 && d.Day <= daysIn(d.Year, d.Month) {
		s.add(d, i, i+4, false)
	}
	return i + 5
}

// qualifierAt reads « début », « fin », « courant », « early », « late »,
// « mi- » or « mid- » at token i, and returns the token after it.
func (s *scanner) qualifierAt(i int) (int, bool) {
	switch {
	case s.key(i, "mi", "mid"):
		if s.glued(i+1) && s.punct(i+1, '-', '‐', '‑') && s.glued(i+2) {
			return i + 2, true
		}
		if s.key(i, "mid") && s.sameLine(i+1) && s.at(i+1).space {
			return i + 1, true
		}
	case s.is(i, qualifier):
		if s.sameLine(i+1) && s.at(i+1).space {
			return i + 1, true
		}
	}
	return i, false
}

// monthYear reads « [fin] octobre 2022 », « mi-mai 2023 », « April 2023 ».
func (s *scanner) monthYear(i int) int {
	m, _ := s.qualifierAt(i)
	if !s.is(m, monthName) {
		return i
	}
	last := m
	if s.is(m, monthAbbr) && s.glued(m+1) && s.punct(m+1, '.') {
		last++
	}
	year, ok, _ := s.yearNumber(last + 1)
	if !ok {
		return i
	}
	s.add(Date{Year: year, Month: s.at(m).e().month}, i, last+1, false)
	s.lastYear = last + 1
	return last + 2
}

// bareMonth reads a French month without a year after a word that makes it
// a date: « fin avril », « dès février », « en avril dernier », « le mois de
// mai ». Written in lower case, as French writes months, so that the planet
// in « vers Mars » is not one.
func (s *scanner) bareMonth(i int) int {
	m, qualified := s.qualifierAt(i)
	if !qualified {
		if !s.key(i-1, "en", "dès", "depuis", "avant", "apres") && !(s.key(i-1, "de") && s.key(i-2, "mois")) || !s.sameLine(i) {
			return i
		}
	}
	t := s.at(m)
	if t == nil || !t.e().is(monthName) || t.e().is(english|monthAbbr) || t.upper {
		return i
	}
	last := m
	md, hasMode := s.modeAt(m + 1)
	if hasMode {
		last++
	}
	if d, ok := resolveMonth(t.e().month, md, s.pub); ok {
		s.add(d, i, last, true)
	}
	return last + 1
}

// qualifiedYear reads « début 2018 », « fin 2022 », « mi-2022 ».
func (s *scanner) qualifiedYear(i int) int {
	y, ok := s.qualifierAt(i)
	if !ok {
		return i
	}
	t := s.at(y)
	if t == nil || t.kind != number || t.digits != 4 || t.n < 1800 || t.n > 2100 || s.quantity(y) {
		return i
	}
	s.add(Date{Year: t.n}, i, y, false)
	s.lastYear = y
	return y + 1
}

// isYear reports whether token i is four digits from 1800 to 2100 that
// stand alone: not glued to a word or a number before, not a quantity.
func (s *scanner) isYear(i int) bool {
	t := s.at(i)
	if t == nil || t.kind != number || t.digits != 4 || t.n < 1800 || t.n > 2100 || s.quantity(i) {
		return false
	}
	return !s.glued(i) || s.punct(i-1, '(', '[')
}

// yearRange reads « 2022-2023 », « 1940–1945 », « 2022/2023 »: two years
// in order, a range that says they are years.
func (s *scanner) yearRange(i int) int {
	t := s.at(i)
	if t == nil || t.kind != number || t.digits != 4 || t.n < 1800 || t.n > 2100 || s.glued(i) && !s.punct(i-1, '(', '[') {
		return i
	}
	k := i + 1
	if !s.sameLine(k) || !s.punct(k, '-', '–', '‐', '‑', '/') || !s.sameLine(k+1) || !s.isNumber(k+1) {
		return i
	}
	y2 := s.at(k + 1)
	if y2.digits != 4 || y2.n <= t.n || y2.n > 2100 || s.quantity(k+1) {
		return i
	}
	if s.at(k).r == '/' && (s.at(k).space || y2.space) {
		return i
	}
	s.add(Date{Year: t.n}, i, i, false)
	s.add(Date{Year: y2.n}, k+1, k+1, false)
	s.lastYear = k + 1
	return k + 2
}

// yearPair reads « entre 2015 et 2018 », « de 2015 à 2018 », « from 2015
// to 2018 »: two years in order.
func (s *scanner) yearPair(i int) int {
	var and []string
	switch {
	case s.key(i-1, "entre"):
		and = []string{"et"}
	case s.key(i-1, "de"):
		and = []string{"a"}
	case s.key(i-1, "between"):
		and = []string{"and"}
	case s.key(i-1, "from"):
		and = []string{"to"}
	default:
		return i
	}
	if !s.isYear(i) || !s.key(i+1, and...) || !s.sameLine(i+1) || !s.sameLine(i+2) || !s.isYear(i+2) || s.at(i+2).n <= s.at(i).n {
		return i
	}
	s.add(Date{Year: s.at(i).n}, i, i, false)
	s.add(Date{Year: s.at(i + 2).n}, i+2, i+2, false)
	s.lastYear = i + 2
	return i + 3
}

// year reads a year alone, when the words before it make it one: « en
// 2022 », « depuis 2015 », « l’année 2022 », « d’ici 2030 », « remonter
// à 2015 », « (2022) », « in 2022 », « 2015, 2016 et 2018 ».
func (s *scanner) year(i int) int {
	if !s.isYear(i) || !s.sameLine(i) {
		return i
	}
	ok := false
	switch {
	case s.punct(i-1, '(', '['):
		ok = s.glued(i) && s.glued(i+1) && s.punct(i+1, ')', ']')
	case s.key(i-1, "été"):
		ok = s.key(i-2, "l'", "cet")
	case s.key(i-1, "an"):
		ok = s.key(i-2, "l'")
	case s.is(i-1, yearCue):
		ok = true
	case s.key(i-1, "ici"):
		ok = s.key(i-2, "d'")
	case s.key(i-1, "a"):
		ok = s.key(i-2, "remonter", "remonte", "remontent", "remontant", "remontait", "jusqu'", "ici") ||
			s.lastYear == i-2
	case s.key(i-1, "de"):
		ok = s.key(i-2, "datant", "date", "datent", "partir", "compter")
	case s.key(i-1, "et", "ou", "and", "or", "to") || s.punct(i-1, ','):
		ok = s.lastYear == i-2
	}
	if !ok || !s.sameLine(i) {
		return i
	}
	s.add(Date{Year: s.at(i).n}, i, i, false)
	s.lastYear = i
	return i + 1
}

// relative reads « le mois dernier », « ce mois-ci », « l’année dernière »,
// « l’an prochain », « cette année », « hier », « avant-hier »,
// « aujourd’hui », and English « last month », « this year », « today »,
// « yesterday ».
func (s *scanner) relative(i int) int {
	p := s.pub
	switch {
	case s.key(i, "le", "au", "du") && s.key(i+1, "mois") || s.key(i, "mois"):
		first, m := i, i
		if !s.key(i, "mois") {
			m = i + 1
		}
		if s.key(i, "au", "du") {
			first = m
		}
		md, ok := s.modeAt(m + 1)
		if !ok || !s.sameLine(m) {
			return i
		}
		if p.Precision() >= Month {
			s.add(addMonths(p, md.delta()), first, m+1, true)
		}
		return m + 2
	case s.key(i, "ce") && s.key(i+1, "mois") && s.glued(i+2) && s.punct(i+2, '-', '‐', '‑') && s.glued(i+3) && s.key(i+3, "ci"):
		if p.Precision() >= Month {
			s.add(Date{Year: p.Year, Month: p.Month}, i, i+3, true)
		}
		return i + 4
	case s.key(i, "l'") && s.key(i+1, "annee", "an"):
		md, ok := s.modeAt(i + 2)
		if !ok || md == nearest {
			return i
		}
		if p.Precision() >= Year {
			s.add(Date{Year: p.Year + md.delta()}, i, i+2, true)
		}
		return i + 3
	case s.key(i, "cette") && s.key(i+1, "annee") && s.sameLine(i+1):
		if s.glued(i+2) && s.punct(i+2, '-', '‐', '‑') || s.isNumber(i+2) {
			return i // « cette année-là » is not this year; « cette année 2022 » is 2022
		}
		if p.Precision() >= Year {
			s.add(Date{Year: p.Year}, i, i+1, true)
		}
		return i + 2
	case s.key(i, "last", "this", "next") && s.key(i+1, "month", "year") && s.sameLine(i+1):
		delta := map[string]int{"last": -1, "this": 0, "next": 1}[s.at(i).e().key]
		if s.key(i+1, "month") {
			if p.Precision() >= Month {
				s.add(addMonths(p, delta), i, i+1, true)
			}
		} else if p.Precision() >= Year {
			s.add(Date{Year: p.Year + delta}, i, i+1, true)
		}
		return i + 2
	case s.key(i, "avant") && s.glued(i+1) && s.punct(i+1, '-', '‐', '‑') && s.glued(i+2) && s.key(i+2, "hier"):
		s.addDay(-2, i, i+2)
		return i + 3
	case s.key(i, "hier", "yesterday", "aujourd'hui", "today"):
		if s.key(i-1, "d'") {
			return i + 1 // « la presse d’hier », « le monde d’aujourd’hui »: a time, not a day
		}
		delta := 0
		if s.key(i, "hier", "yesterday") {
			delta = -1
		}
		s.addDay(delta, i, i)
		return i + 1
	}
	return i
}

// addDay adds the day delta days from the publication date, when that is
// known to the day.
func (s *scanner) addDay(delta, first, last int) {
	if s.pub.Precision() == Day {
		s.add(Of(s.pub.Start().AddDate(0, 0, delta)), first, last, true)
	}
}

// weekday reads a weekday alone: « lundi », « mardi dernier », « dans la
// soirée de lundi », « Monday », « last Monday ».
func (s *scanner) weekday(i int) int {
	first, w := i, i
	if s.key(i, "last", "next") && s.is(i+1, english) && s.sameLine(i+1) {
		w = i + 1
	}
	t := s.at(w)
	if t == nil || !t.e().is(weekdayName) {
		return i
	}
	// « le lundi », « chaque lundi » and « du lundi au vendredi » are every
	// Monday; « mardi gras », « vendredi saint », « Black Friday » and
	// « the Sunday Times » are no day at all.
	if s.key(w-1, "le", "chaque", "black", "cyber", "good") ||
		s.key(w-1, "du") && s.key(w+1, "au") || s.key(w-1, "au") && s.is(w-2, weekdayName) ||
		s.sameLine(w+1) && s.key(w+1, "gras", "saint", "suivant", "suivante", "precedent", "precedente", "noir") ||
		t.e().is(english) && s.sameLine(w+1) && s.isWord(w+1) && s.at(w+1).upper {
		return w + 1
	}
	end, md := w, nearest
	switch {
	case s.key(i, "last"):
		md = previous
	case s.key(i, "next"):
		md = coming
	default:
		if m, ok := s.modeAt(w + 1); ok {
			md, end = m, w+1
		}
	}
	if s.pub.Precision() == Day {
		p := s.pub.Start()
		var delta int
		switch md {
		case nearest, previous:
			delta = -((int(p.Weekday()) - int(t.e().weekday) + 7) % 7)
			if md == previous && delta == 0 {
				delta = -7
			}
		case coming:
			delta = (int(t.e().weekday) - int(p.Weekday()) + 7) % 7
			if delta == 0 {
				delta = 7
			}
		}
		s.add(Of(p.AddDate(0, 0, delta)), first, end, true)
	}
	return end + 1
}

// addMonths returns the month of p moved by delta months.
func addMonths(p Date, delta int) Date {
	m := p.Year*12 + int(p.Month) - 1 + delta
	return Date{Year: floorDiv(m, 12), Month: time.Month(m - floorDiv(m, 12)*12 + 1)}
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// resolveDay gives a year to a day and month written without one, from the
// publication date pub, which must be known at least to the month: with
// « dernier », the latest such day on or before it; with « prochain », the
// next one on or after it; else the nearest one, which is in pub's year
// unless that is more than half a year away. Nearest rather than « same
// year unless »: the two agree, and nearest also gives « le 29 février »
// the leap year it needs. Known to the month only, pub
// counts as any day of its month: « le 25 avril dernier » published in
// April 2023 is 2023-04-25.
func resolveDay(day int, month time.Month, md mode, pub Date) (Date, bool) {
	p := pub.Precision()
	if p < Month {
		return Date{}, false
	}
	valid := func(y int) bool { return day <= daysIn(y, month) }
	// cmp compares the day in year y with the publication date.
	cmp := func(y int) int {
		if p == Month {
			return int(month) - int(pub.Month) + 12*(y-pub.Year)
		}
		return int(time.Date(y, month, day, 0, 0, 0, 0, time.UTC).Sub(pub.Start()).Hours() / 24)
	}
	switch md {
	case previous:
		for y := pub.Year + 1; y > pub.Year-8; y-- {
			if valid(y) && cmp(y) <= 0 {
				return Date{y, month, day}, true
			}
		}
	case coming:
		for y := pub.Year - 1; y < pub.Year+8; y++ {
			if valid(y) && cmp(y) >= 0 {
				return Date{y, month, day}, true
			}
		}
	default:
		best, found := 0, false
		for _, y := range []int{pub.Year, pub.Year - 1, pub.Year + 1} {
			if valid(y) && (!found || abs(cmp(y)) < abs(cmp(best))) {
				best, found = y, true
			}
		}
		if found {
			return Date{best, month, day}, true
		}
	}
	return Date{}, false
}

// resolveMonth gives a year to a month written without one, from the
// publication date pub, which must be known at least to the month: with
// « dernier », the latest such month before pub's; with « prochain », the
// next one after it; else the nearest one, which is in pub's year unless
// that is more than six months away.
func resolveMonth(month time.Month, md mode, pub Date) (Date, bool) {
	if pub.Precision() < Month {
		return Date{}, false
	}
	y := pub.Year
	switch d := int(month) - int(pub.Month); {
	case md == previous && d >= 0, md == nearest && d > 6:
		y--
	case md == coming && d <= 0, md == nearest && d < -6:
		y++
	}
	return Date{Year: y, Month: month}, true
}

// delta is how many months or years « dernier » and « prochain » move.
func (md mode) delta() int {
	switch md {
	case previous:
		return -1
	case coming:
		return 1
	}
	return 0
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// markers announce a date as a start or a deadline: « à compter du 25 avril
// 2023 », « date limite fixée au 7 juin 2023 ». Keys are lexicon keys.
var markers = [][]string{
	{"a", "compter", "du"}, {"a", "compter", "de"}, {"a", "partir", "du"}, {"a", "partir", "de"},
	{"dès", "le"}, {"d'", "ici"}, {"avant"}, {"jusqu'", "au"}, {"jusqu'", "a"}, {"jusqu'", "en"},
	{"prevu", "le"}, {"prevue", "le"}, {"prevu", "pour"}, {"prevue", "pour"},
	{"fixe", "au"}, {"fixee", "au"}, {"date", "limite"}, {"echeance"}, {"au", "plus", "tard"},
	{"deadline"}, {"from"}, {"starting"}, {"by"}, {"until"},
}

// markerReach is how far before a date, in bytes, a marker announces it.
const markerReach = 40

// announced reports whether a marker stands shortly before f in its
// sentence.
func (s *scanner) announced(f *found) bool {
	sent := s.sentence(f.Start)
	for k := f.first - 1; k >= 0; k-- {
		t := &s.toks[k]
		if t.start < sent.start || f.Start-t.end > markerReach {
			break
		}
	markers:
		for _, m := range markers {
			if k+1 < len(m) {
				continue
			}
			for j, key := range m {
				if !s.key(k-len(m)+1+j, key) {
					continue markers
				}
			}
			return true
		}
	}
	return false
}

package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// candidate is a name a discovery rule found: tokens [i, j).
type candidate struct {
	i, j int
	kind Kind
}

// discoverer finds the people and organisations no entry names, from the
// tokens the gazetteer left.
type discoverer struct {
	g     *Gazetteer
	text  string
	toks  []token
	cls   []class // the classes of the free words
	cands []candidate
}

// is reports whether word i is in one of the classes.
func (d *discoverer) is(i int, c class) bool { return d.in(i) && d.cls[i]&c != 0 }

// discover applies the discovery rules (see the package comment) and counts
// the names they find.
func (g *Gazetteer) discover(text string, toks []token) []Found {
	d := &discoverer{g: g, text: text, toks: toks, cls: make([]class, len(toks))}
	for i := range toks {
		if !toks[i].has(isConsumed | isHandle) {
			d.cls[i] = classOf(toks[i].key)
		}
	}
	for i := range toks {
		t := &toks[i]
		if t.has(isConsumed | isHandle) {
			continue
		}
		switch {
		case d.is(i, clsHonorific) && honorifics[d.word(i)]:
			d.honorific(i)
		case d.is(i, clsRole):
			d.roleAfter(i)
			d.roleBefore(i)
		case d.is(i, clsOrgMarker) && !t.has(upperFirst):
			d.orgMarker(i)
			d.orgApposition(i)
		case d.is(i, clsLegalSuffix) && legalSuffixes[d.word(i)]:
			d.legalSuffix(i)
		case d.firstName(i):
			d.firstAndLast(i)
		}
	}
	return d.found()
}

func (d *discoverer) word(i int) string { return d.text[d.toks[i].start:d.toks[i].end] }

func (d *discoverer) in(i int) bool { return i >= 0 && i < len(d.toks) }

// free reports a word of the text no name of the gazetteer took.
func (d *discoverer) free(i int) bool {
	return d.in(i) && !d.toks[i].has(isConsumed|isHandle|isElision)
}

// nameWord reports a word that can be part of a person's name: a capital
// then lower case (« Nadella », not « PDG » nor « nadella »), no digit, not
// a function word, month, day, role or a word that names no one.
func (d *discoverer) nameWord(i int) bool {
	if !d.free(i) {
		return false
	}
	t := &d.toks[i]
	if t.flags&(upperFirst|hasLower|hasDigit) != upperFirst|hasLower || utf8.RuneCountInString(d.word(i)) < 2 {
		return false
	}
	return !d.is(i, clsNotName)
}

// firstName reports a known first name written with a capital: « Satya »,
// « Jean-Noël » (each part with a capital).
func (d *discoverer) firstName(i int) bool {
	if !d.free(i) {
		return false
	}
	t := &d.toks[i]
	if t.flags&(upperFirst|hasLower) != upperFirst|hasLower || !d.is(i, clsFirstName) {
		return false
	}
	w := d.word(i)
	if h := strings.IndexAny(w, "-‐‑"); h > 0 {
		_, n := utf8.DecodeRuneInString(w[h:])
		r, _ := utf8.DecodeRuneInString(w[h+n:])
		return unicode.IsUpper(r)
	}
	return true
}

// isFirstName reports a first name of firstnames.txt, or a compound
// whose first part is one: « Jean-Noël », « Marie-Ange » (Noël and Ange
// alone are left out of the list: they are common words).
func isFirstName(key string) bool { return classOf(key)&clsFirstName != 0 }

// particle reports the particle of a surname: « de Villepin », « Le Pen »,
// « von der Leyen ».
func (d *discoverer) particle(i int) bool {
	return d.in(i) && !d.toks[i].has(isConsumed|isHandle) && d.is(i, clsParticle)
}

// joined reports that word i follows word i-1 in the same sentence with
// only white space between them.
func (d *discoverer) joined(i int) bool {
	return d.in(i) && i > 0 && d.toks[i].has(spaceGap) && !d.toks[i].has(boundary)
}

// personRun returns the end of the person's name that starts at word i:
// up to maxWords name words, with particles after the first one. It
// returns i when word i is not a name word.
func (d *discoverer) personRun(i, maxWords int) (end, words int) {
	if !d.nameWord(i) {
		return i, 0
	}
	j, words := i+1, 1
	for words < maxWords && d.joined(j) {
		if d.nameWord(j) {
			j, words = j+1, words+1
			continue
		}
		if words > 1 {
			break
		}
		k := j
		for k-j < 2 && d.joined(k) && d.particle(k) {
			k++
		}
		if k > j && d.joined(k) && d.nameWord(k) {
			j, words = k+1, words+1
			continue
		}
		break
	}
	return j, words
}

func (d *discoverer) add(i, j int, kind Kind) {
	if j > i && j-i <= 4 {
		d.cands = append(d.cands, candidate{i: i, j: j, kind: kind})
	}
}

// honorific: « M. Dupont », « Mme Anne Durand », « Me Dupond », « Dr House ».
func (d *discoverer) honorific(i int) {
	if !d.in(i + 1) {
		return
	}
	gap := d.text[d.toks[i].end:d.toks[i+1].start]
	if strings.ContainsRune(gap, '\n') {
		return
	}
	switch strings.TrimSpace(gap) {
	case ".":
	case "":
		if d.word(i) == "M" {
			return // « M » without its dot is a letter
		}
	default:
		return
	}
	if j, n := d.personRun(i+1, 3); n > 1 || n == 1 && !d.firstName(i+1) {
		d.add(i+1, j, Person)
	}
}

// firstAndLast: a known first name and one or two surnames,
// « Satya Nadella ».
func (d *discoverer) firstAndLast(i int) {
	if d.joined(i) && d.free(i-1) {
		if d.is(i-1, clsPlace) || d.is(i-1, clsHonorific) && honorifics[d.word(i-1)] {
			return // « rue Jean Jaurès », « M. Jean Dupont » (the honorific rule)
		}
	}
	if j, n := d.personRun(i, 3); n >= 2 {
		d.add(i, j, Person)
	}
}

// roleAfter: a name then its role, « Satya Nadella, le PDG de Microsoft »,
// « Jane Doe (directrice générale de Contoso) ».
func (d *discoverer) roleAfter(r int) {
	// After the role: adjectives, then de, du, des or chez.
	k := r + 1
	for n := 0; n < 2 && d.joined(k) && d.is(k, clsRoleAdjective); n++ {
		k++
	}
	if !d.joined(k) || !d.is(k, clsPreposition) {
		return
	}
	// Before the role: adjectives, an article, then a comma or a bracket.
	b := r
	for n := 0; n < 2 && d.joined(b) && d.free(b-1) && d.is(b-1, clsPreAdjective); n++ {
		b--
	}
	if d.joined(b) && d.in(b-1) && d.is(b-1, clsAppositionArticle) {
		b--
	}
	if b == 0 || d.toks[b].has(boundary) {
		return
	}
	if gap := strings.TrimSpace(d.text[d.toks[b-1].end:d.toks[b].start]); gap != "," && gap != "(" {
		return
	}
	// The name: two or three name words ending before the comma.
	e := b
	s := e - 1
	if !d.nameWord(s) {
		return
	}
	for e-s < 4 && d.joined(s) && (d.nameWord(s-1) || d.particle(s-1) && d.nameWord(s-2)) {
		s--
	}
	for d.particle(s) {
		s++
	}
	for f := s + 1; f < e; f++ {
		if d.firstName(f) {
			s = f // « Interrogée Jane Doe, … »: the name starts at the first name
			break
		}
	}
	if e-s == 3 && d.toks[s].has(boundary) && !d.firstName(s) {
		s++
	}
	if d.joined(s) && d.free(s-1) && d.is(s-1, clsLocative) {
		return // « À San Francisco, le patron de … »
	}
	if n := d.nameWords(s, e); n >= 2 && n <= 3 {
		d.add(s, e, Person)
	}
}

func (d *discoverer) nameWords(i, j int) int {
	n := 0
	for k := i; k < j; k++ {
		if d.nameWord(k) {
			n++
		} else if !d.particle(k) {
			return 0
		}
	}
	return n
}

// roleBefore: a role then a name, « l’avocat Alex Spiro », « le
// journaliste de CNBC David Faber », « la PDG de Twitter, Linda Yaccarino ».
func (d *discoverer) roleBefore(r int) {
	k := r + 1
	for n := 0; n < 2 && d.joined(k) && d.is(k, clsRoleAdjective); n++ {
		k++
	}
	if !d.in(k) {
		return
	}
	political := d.is(r, clsPoliticalRole)
	if d.joined(k) && d.nameWord(k) {
		// « l’avocat Alex Spiro », « le président Macron »
		if j, n := d.personRun(k, 3); n >= 2 || n == 1 && political {
			d.add(k, j, Person)
		}
		return
	}
	if !d.joined(k) || !d.is(k, clsPreposition) {
		return
	}
	k++
	for d.joined(k) && isArticle(d.toks[k].key) {
		k++
	}
	if !d.joined(k) {
		return
	}
	// The organisation: names of the gazetteer or words with a capital.
	o := k
	for d.in(k) && k-o < 6 && (k == o || d.joined(k)) && d.toks[k].has(upperFirst) && (d.toks[k].has(isConsumed) || d.free(k) && !d.is(k, clsStop)) {
		if k > o && d.firstName(k) {
			break // « la directrice de Contoso Jane Doe »
		}
		k++
	}
	if k == o || !d.in(k) {
		return
	}
	comma := false
	if !d.joined(k) {
		gap := d.text[d.toks[k-1].end:d.toks[k].start]
		if strings.TrimSpace(gap) != "," || strings.ContainsRune(gap, '\n') {
			return
		}
		comma = true
	}
	if !comma && !d.firstName(k) {
		return // « le directeur de Microsoft Research Asia » is no one
	}
	if j, n := d.personRun(k, 3); n >= 2 || n == 1 && political && comma {
		d.add(k, j, Person)
	}
}

// orgMarker: « la société Contoso », « la start-up française Mistral AI »,
// « l’ONG Future of Life ».
func (d *discoverer) orgMarker(m int) {
	det := m - 1
	if d.toks[m].key == "pousse" {
		if !d.joined(m) || !d.in(det) || d.toks[det].key != "jeune" {
			return
		}
		det--
	}
	if !d.in(det) || !d.toks[det+1].has(spaceGap) || !d.is(det, clsDeterminer) {
		return
	}
	k := m + 1
	for n := 0; n < 2 && d.joined(k) && !d.toks[k].has(upperFirst) && d.is(k, clsOrgAdjective); n++ {
		k++
	}
	if !d.joined(k) {
		return
	}
	if j := d.orgRun(k); j > k {
		d.add(k, j, Organisation)
	}
}

// orgApposition: a name then what it is, « Kyutai, un laboratoire de
// recherche », « Contoso (la start-up de Jane Doe) ». Not at the start of
// a sentence, where a capital proves nothing: « Interrogée, la société… ».
func (d *discoverer) orgApposition(m int) {
	b := m
	if d.joined(b) && d.in(b-1) && d.is(b-1, clsAppositionArticle) {
		b--
	}
	if b == m || b == 0 || d.toks[b].has(boundary) {
		return
	}
	if gap := strings.TrimSpace(d.text[d.toks[b-1].end:d.toks[b].start]); gap != "," && gap != "(" {
		return
	}
	e := b
	s := e - 1
	if !d.orgWord(s) {
		return
	}
	for e-s < 4 && d.joined(s) && (d.orgWord(s-1) || d.free(s-1) && d.is(s-1, clsConnector) && !d.toks[s-1].has(upperFirst) && d.orgWord(s-2) && e-s < 3) {
		if d.orgWord(s - 1) {
			s--
		} else {
			s -= 2
		}
	}
	if d.toks[s].has(boundary) && !d.toks[s].allCaps() {
		return
	}
	if d.joined(s) && d.free(s-1) && d.is(s-1, clsLocative) {
		return // « à Montreuil, la société … »
	}
	if d.nameWords(s, e) > 0 && d.firstName(s) {
		return // a person: « Jane Doe, la fondatrice » is the role rule's
	}
	d.add(s, e, Organisation)
}

// orgRun returns the end of the organisation's name that starts at word i:
// words with a capital, with of, de, du, des, and, for or & between them.
func (d *discoverer) orgRun(i int) int {
	// An article with a capital may open the name: « La Quadrature du Net ».
	title := d.free(i) && d.toks[i].has(upperFirst) && isArticle(d.toks[i].key) && d.joined(i+1) && d.orgWord(i+1)
	if !d.orgWord(i) && !title {
		return i
	}
	j := i + 1
	for {
		if d.in(j) && (d.joined(j) || d.gapIs(j, "&")) && d.orgWord(j) {
			j++
		} else if d.joined(j) && d.free(j) && d.is(j, clsConnector) && !d.toks[j].has(upperFirst) && d.joined(j+1) && d.orgWord(j+1) {
			j += 2
		} else {
			break
		}
		if j-i > 4 {
			return i // a title, a slogan: not a name
		}
	}
	return j
}

func (d *discoverer) gapIs(i int, s string) bool {
	gap := d.text[d.toks[i-1].end:d.toks[i].start]
	return strings.TrimSpace(gap) == s && !strings.ContainsRune(gap, '\n')
}

// orgWord reports a word that can be part of an organisation's name: a
// capital first (acronyms too: « ONG WWF »), not a function word, month,
// day or role.
func (d *discoverer) orgWord(i int) bool {
	if !d.free(i) || !d.toks[i].has(upperFirst) {
		return false
	}
	if d.is(i, clsCalendar|clsRole) {
		return false
	}
	if d.toks[i].allCaps() {
		// An acronym, « Mistral AI » (ai is a verb only in lower case), but
		// not a word of a headline in capitals: « LE GROUPE CONTOSO SA ».
		return !d.shouted(i-1) && !d.shouted(i+1)
	}
	return !d.is(i, clsStop)
}

// shouted reports a word in capitals of two letters or more.
func (d *discoverer) shouted(i int) bool {
	return d.in(i) && d.toks[i].allCaps() && d.toks[i].end-d.toks[i].start > 1 && !d.toks[i].has(isHandle)
}

// legalSuffix: « Contoso Inc. », « Acme SAS ».
func (d *discoverer) legalSuffix(s int) {
	if !d.joined(s) {
		return
	}
	b := s - 1
	if !d.orgWord(b) {
		return
	}
	for s-b < 3 && d.joined(b) && d.orgWord(b-1) {
		b--
	}
	if d.toks[b].has(boundary) && s-b > 1 && !d.toks[b].allCaps() && d.is(b, clsNotName) {
		b++
	}
	d.add(b, s, Organisation)
}

// found checks, merges and counts the candidates.
func (d *discoverer) found() []Found {
	type name struct {
		text  string
		kind  Kind
		words []token
	}
	var names []name
	seen := map[string]bool{}
	for _, c := range d.cands {
		text := strings.Join(strings.Fields(d.text[d.toks[c.i].start:d.toks[c.j-1].end]), " ")
		if seen[string(c.kind)+text] {
			continue
		}
		seen[string(c.kind)+text] = true
		if _, known := d.g.Lookup(text); known {
			continue
		}
		if c.kind == Person && allFirstNames(d.toks[c.i:c.j]) && c.j-c.i < 2 {
			continue
		}
		names = append(names, name{text: text, kind: c.kind, words: d.toks[c.i:c.j]})
	}
	// A person named in full covers a shorter form: « M. Nadella » is
	// Satya Nadella. Names with the same words are one (the first).
	longer := map[string]bool{} // kind and keys of the proper suffixes of the names
	for _, n := range names {
		for k := 1; k < len(n.words); k++ {
			longer[wordsKey(n.kind, n.words[k:])] = true
		}
	}
	var kept []name
	same := map[string]bool{}
	for _, n := range names {
		k := wordsKey(n.kind, n.words)
		if longer[k] || same[k] {
			continue
		}
		same[k] = true
		kept = append(kept, n)
	}
	if len(kept) == 0 {
		return nil
	}
	// Count every mention: the name in full, and a person's surname.
	mini := &Gazetteer{byFirst: map[string][]*pattern{}}
	for e, n := range kept {
		forms := [][]token{n.words}
		if n.kind == Person && len(n.words) > 1 {
			last := len(n.words) - 1
			forms = append(forms, n.words[last:])
			if last >= 2 && classOf(n.words[last-1].key)&clsParticle != 0 {
				forms = append(forms, n.words[last-1:]) // « Le Pen »
			}
		}
		for _, f := range forms {
			p := &pattern{entry: e}
			for k, t := range f {
				w := patternWord{key: t.key}
				switch {
				case t.has(upperFirst):
					w.rule = capital
				case t.has(hasUpper):
					w.rule = someCapital
				}
				if k > 0 && !t.has(spaceGap) {
					w.gap = strings.TrimSpace(d.text[f[k-1].end:t.start])
				}
				p.words = append(p.words, w)
			}
			mini.byFirst[p.words[0].key] = append(mini.byFirst[p.words[0].key], p)
		}
	}
	for _, ps := range mini.byFirst {
		sortLongestFirst(ps)
	}
	counts := make([]int, len(kept))
	for _, m := range mini.matchAll(d.text, d.toks, 0, len(d.toks), false) {
		counts[m.p.entry]++
	}
	out := make([]Found, len(kept))
	for e, n := range kept {
		out[e] = Found{Name: n.text, Kind: n.kind, Count: max(counts[e], 1), Discovered: true}
	}
	return out
}

func allFirstNames(ts []token) bool {
	for _, t := range ts {
		if !isFirstName(t.key) {
			return false
		}
	}
	return true
}

// wordsKey identifies a name by its kind and the keys of its words.
func wordsKey(kind Kind, words []token) string {
	var b strings.Builder
	b.WriteString(string(kind))
	for _, t := range words {
		b.WriteByte(0)
		b.WriteString(t.key)
	}
	return b.String()
}

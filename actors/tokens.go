package actors

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// token is a word of a text: a run of letters and digits, with apostrophes
// and hyphens inside it (« aujourd’hui », « GPT-4 », « start-up »), an
// elided article or pronoun split off the word it precedes (« l’ » of
// « l’éditeur »), or an @handle.
type token struct {
	key        string // appendKey of the word; for an elision its full form: l’ → le, d’ → de, qu’ → que
	start, end int32  // byte offsets in the text (articles are far below 2 GiB)
	glue       int32  // > 0 when key[:glue] is a name glued to a function word: « OpenAIil » → openai
	flags      uint16
}

const (
	upperFirst uint16 = 1 << iota // the first letter is a capital
	hasUpper
	hasLower
	hasDigit
	isHandle   // @elonmusk: key keeps the @
	isElision  // l’ d’ qu’ … split off the next word
	boundary   // first word of a sentence, a quotation, a line or the text
	spaceGap   // only white space (one line break at most) since the previous word, or an elision
	isConsumed // part of a gazetteer match (set while finding)
)

func (t *token) has(f uint16) bool { return t.flags&f != 0 }

// allCaps reports a word in capitals: « CNBC », « API ».
func (t *token) allCaps() bool { return t.flags&(hasUpper|hasLower) == hasUpper }

// elisions maps an elided word, lower case, to the full word it stands for,
// so that « l’avocat d’Elon Musk » and « l’avocat de Elon Musk » compare
// equal.
var elisions = map[string]string{
	"l": "le", "d": "de", "j": "je", "m": "me", "n": "ne", "s": "se", "t": "te", "c": "ce",
	"qu": "que", "jusqu": "jusque", "lorsqu": "lorsque", "puisqu": "puisque", "quoiqu": "quoique",
}

// glueWords are the French function words that bad text extraction glues to
// the name before them: « OpenAIil », « OpenAIa ». Keys: « à » is a, « où »
// is ou.
var glueWords = set("il elle a et en est de le la les qui que ou au aux du des un une se sa son ses")

// tokenize splits text into tokens. In a text (alias false), words of
// URLs, domain names and e-mail addresses are left out; an alias is
// tokenized as written. The tokens come from a pool: give them back with
// release when done.
func tokenize(text string, alias bool) []token {
	tz := tokenizers.Get().(*tokenizer)
	tz.text = text
	tz.spans, tz.arena = tz.spans[:0], tz.arena[:0]
	if p, ok := tokenPool.Get().(*[]token); ok {
		tz.toks = (*p)[:0]
	} else {
		tz.toks = make([]token, 0, len(text)/6+1)
	}
	for i := 0; i < len(text); {
		r, n := decodeRune(text, i)
		if isSpace(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r, n := decodeRune(text, j)
			if isSpace(r) {
				break
			}
			j += n
		}
		if alias || !urlish(text[i:j]) {
			tz.chunk(i, j)
		}
		i = j
	}
	// Keys were written into one buffer: one string for all of them.
	keys := string(tz.arena)
	for k := range tz.toks {
		if s := tz.spans[k]; s[0] >= 0 {
			tz.toks[k].key = keys[s[0]:s[1]]
		}
	}
	toks := tz.toks
	tz.toks, tz.text = nil, ""
	tokenizers.Put(tz)
	return toks
}

var tokenizers = sync.Pool{New: func() any { return new(tokenizer) }}

// tokenPool keeps the token slices of finished calls of Find.
var tokenPool sync.Pool

// release gives tokens back for a later call of tokenize.
func release(toks []token) {
	clear(toks) // the keys would keep their text alive
	tokenPool.Put(&toks)
}

type tokenizer struct {
	text  string
	toks  []token
	spans [][2]int32 // key of each token in arena; -1 when the key is set
	arena []byte
}

func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// chunk tokenizes text[start:end], a run without white space.
func (tz *tokenizer) chunk(start, end int) {
	text := tz.text
	wordEnd := -1
	for p := start; p < end; {
		r, n := decodeRune(text, p)
		if r == '@' && p != wordEnd && p+n < end {
			q := p + n
			for q < end {
				r, n := decodeRune(text, q)
				if !isWordRune(r) && r != '_' {
					break
				}
				q += n
			}
			if q > p+n {
				tz.add(token{start: int32(p), end: int32(q), flags: isHandle}, text[p:q])
				p, wordEnd = q, q
				continue
			}
		}
		if !isWordRune(r) {
			p += n
			continue
		}
		q, apos := p+n, -1
		for q < end {
			r, n := decodeRune(text, q)
			if isWordRune(r) || r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r) {
				q += n
				continue
			}
			if (isApostrophe(r) || isHyphen(r)) && q+n < end {
				if r2, n2 := decodeRune(text, q+n); isWordRune(r2) {
					if apos < 0 && isApostrophe(r) {
						apos = q
					}
					q += n + n2
					continue
				}
			}
			break
		}
		tz.word(p, q, apos)
		p, wordEnd = q, q
	}
}

// word adds text[p:q], whose first apostrophe is at apos (-1 if none),
// splitting off an elided article or pronoun.
func (tz *tokenizer) word(p, q, apos int) {
	if apos > p && apos-p <= len("quoiqu") {
		if full, ok := elisions[lowerASCII(tz.text[p:apos])]; ok {
			_, n := utf8.DecodeRuneInString(tz.text[apos:])
			t := token{start: int32(p), end: int32(apos + n), key: full, flags: isElision}
			if tz.text[p] < 'a' {
				t.flags |= upperFirst | hasUpper
			} else {
				t.flags |= hasLower
			}
			tz.add(t, "")
			p = apos + n
		}
	}
	t := token{start: int32(p), end: int32(q)}
	ks := len(tz.arena)
	lastUpper, keyAtUpper, runes := -1, 0, 0
	for i, r := range tz.text[p:q] {
		runes++
		switch {
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			if t.flags&(hasUpper|hasLower|hasDigit) == 0 {
				t.flags |= upperFirst
			}
			t.flags |= hasUpper
			tz.arena = appendFoldedRuneAny(tz.arena, r)
			lastUpper, keyAtUpper = p+i+utf8.RuneLen(r), len(tz.arena)
			continue
		case unicode.IsLower(r):
			t.flags |= hasLower
		case unicode.IsDigit(r):
			t.flags |= hasDigit
		}
		tz.arena = appendFoldedRuneAny(tz.arena, r)
	}
	// « OpenAIil »: a name ending in a capital, then a function word in
	// lower case.
	if lastUpper > p+1 && lastUpper < q && runes > 2 {
		rest := tz.text[lastUpper:q]
		if glueWords[string(tz.arena[keyAtUpper:])] && strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLower(r) }) < 0 {
			t.glue = int32(keyAtUpper - ks)
		}
	}
	tz.toks = append(tz.toks, t)
	tz.spans = append(tz.spans, [2]int32{int32(ks), int32(len(tz.arena))})
	tz.finish()
}

// add adds a token whose key is appendKey(word), or t.key when word is "".
func (tz *tokenizer) add(t token, word string) {
	span := [2]int32{-1, -1}
	if word != "" {
		span[0] = int32(len(tz.arena))
		tz.arena = appendKey(tz.arena, word)
		span[1] = int32(len(tz.arena))
	}
	tz.toks = append(tz.toks, t)
	tz.spans = append(tz.spans, span)
	tz.finish()
}

// finish sets the flags of the last token that depend on the text before it.
func (tz *tokenizer) finish() {
	k := len(tz.toks) - 1
	t := &tz.toks[k]
	if k == 0 {
		t.flags |= boundary
		return
	}
	prev := &tz.toks[k-1]
	gap := tz.text[prev.end:t.start]
	if gap == " " {
		t.flags |= spaceGap
		return
	}
	lines, blank := 0, true
	for _, r := range gap {
		if r == '\n' {
			lines++
		} else if !unicode.IsSpace(r) {
			blank = false
		}
	}
	if blank && lines <= 1 {
		t.flags |= spaceGap
	}
	if lines > 0 || strings.ContainsAny(gap, ".!?…:;«“\"") {
		// « M. Dupont », « John F. Kennedy »: the dot of an abbreviation
		// ends no sentence.
		if !(strings.TrimSpace(gap) == "." && lines == 0 && tz.abbreviation(prev)) {
			t.flags |= boundary
		}
	}
}

// abbreviation reports a title or an initial written before a name.
func (tz *tokenizer) abbreviation(t *token) bool {
	w := tz.text[t.start:t.end]
	switch w {
	case "M", "MM", "Mme", "Mmes", "Mlle", "Me", "Dr", "Pr", "Mgr", "St":
		return true
	}
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// appendFoldedRuneAny appends the key form of any rune.
func appendFoldedRuneAny(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	}
	return appendFoldedRune(dst, r)
}

// urlish reports a run of text without spaces that is a URL, a domain name
// or an e-mail address: the names in it are addresses, not mentions.
func urlish(chunk string) bool {
	mark := false
	for i := 0; i < len(chunk); i++ {
		if c := chunk[i]; c == '.' || c == ':' || c == '@' {
			mark = true
			break
		}
	}
	if !mark {
		return false
	}
	if strings.Contains(chunk, "://") || hasPrefixFold(strings.TrimLeft(chunk, "(<[«\"“'"), "www.") {
		return true
	}
	if at := strings.IndexByte(chunk, '@'); at > 0 {
		r, _ := utf8.DecodeLastRuneInString(chunk[:at])
		if isWordRune(r) || r == '.' || r == '_' {
			return true // e-mail address
		}
	}
	// A domain name: « jeuxvideo.com », « x.com/elonmusk ».
	for i := strings.IndexByte(chunk, '.'); i > 0 && i < len(chunk)-2; {
		r, _ := utf8.DecodeLastRuneInString(chunk[:i])
		if isWordRune(r) {
			j := i + 1
			for j < len(chunk) && 'a' <= chunk[j] && chunk[j] <= 'z' {
				j++
			}
			if (j == len(chunk) || !isWordRune(rune(chunk[j]))) && topLevelDomains[chunk[i+1:j]] {
				return true
			}
		}
		k := strings.IndexByte(chunk[i+1:], '.')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

var topLevelDomains = set("com fr org net io ai co eu be ch ca uk de us gov edu info tv me ly app dev gg news tech")

// lowerASCII lower-cases a short ASCII word; other words come back as they
// are (no elision has other letters).
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// set builds a set of keys from words separated by white space.
func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[string(appendKey(nil, w))] = true
	}
	return m
}

package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// frontMatterLines is how far the closing --- of a front matter is looked
// for: a file that opens with --- and never closes it is read as text,
// not as 10 MB of failed YAML.
const frontMatterLines = 200

// readMarkdown reads a Markdown article with an optional YAML front matter.
func (r *reader) readMarkdown(text string) {
	var a article
	body := r.frontMatter(text, &a)
	blocks := mdBlocks(body)
	given := oneLine(a.title) != ""
	if !given {
		a.title, blocks = mdTitle(blocks)
	} else if len(blocks) > 0 && blocks[0].kind == mdHeading && strings.EqualFold(oneLine(blocks[0].render()), oneLine(a.title)) {
		blocks = blocks[1:] // the front matter's title, repeated as a heading
	}
	a.body = mdRender(blocks)
	if !given && strings.TrimSpace(a.body) == "" {
		a.body = a.title // a file of one line is its own body
	}
	r.add(a, "", "", r.name)
}

// frontMatter reads the front matter of text, if any, into a and returns
// the rest of text. Broken front matter is a warning and no metadata.
func (r *reader) frontMatter(text string, a *article) string {
	first, rest, _ := strings.Cut(text, "\n")
	if strings.TrimRight(first, " \t") != "---" {
		return text
	}
	var yamlText string
	closed := false
	for i, off := 1, len(first)+1; i < frontMatterLines && off <= len(text); i++ {
		line, _, found := strings.Cut(text[off:], "\n")
		if l := strings.TrimRight(line, " \t"); l == "---" || l == "..." {
			yamlText = text[len(first)+1 : off]
			rest = text[min(off+len(line)+1, len(text)):]
			closed = true
			break
		}
		if !found {
			break
		}
		off += len(line) + 1
	}
	if !closed {
		// The --- alone would be a thematic break: drop it, keep the text.
		r.warn("", "front matter: no closing --- within %d lines, read as text", frontMatterLines)
		return rest
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(yamlText), &doc); err != nil {
		r.warn("", "front matter: %s, read as text", yamlError(err))
		return rest
	}
	if doc.Kind == 0 || doc.Kind == yaml.DocumentNode && len(doc.Content) == 0 {
		return rest // an empty front matter
	}
	budget := len(yamlText) + 1<<16
	fields, ok := fromYAML(&doc, &budget).(map[string]any)
	if budget < 0 {
		r.warn("", "front matter: aliases expand too far, read as text")
		return rest
	}
	if !ok {
		r.warn("", "front matter: not a mapping of keys to values, read as text")
		return rest
	}
	fromFields(a, fields, false)
	return rest
}

var yamlLine = regexp.MustCompile(`^line \d+: `)

// yamlError words a YAML error for a warning. yaml.v3 counts lines from 0
// or from 1 depending on the error, and leaves out line 0: its line
// numbers would mislead more than help in a front matter of a few lines.
func yamlError(err error) string {
	return yamlLine.ReplaceAllString(strings.TrimPrefix(oneLine(err.Error()), "yaml: "), "")
}

type mdKind uint8

const (
	mdPara mdKind = iota
	mdHeading
	mdItem
	mdCode
)

// mdBlock is a block of a Markdown text: its lines as written, left-trimmed
// but for code.
type mdBlock struct {
	kind   mdKind
	level  int    // of a heading
	marker string // of a list item: "- " or "1. "
	lines  []string
}

var (
	mdATX      = regexp.MustCompile(`^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	mdBreak    = regexp.MustCompile(`^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	mdBullet   = regexp.MustCompile(`^[-*+][ \t]+`)
	mdOrdered  = regexp.MustCompile(`^\d{1,9}[.)][ \t]+`)
	mdRefDef   = regexp.MustCompile(`^\[[^\]]+\]:[ \t]*\S+`)
	mdSetext1  = regexp.MustCompile(`^=+[ \t]*$`)
	mdSetext2  = regexp.MustCompile(`^-+[ \t]*$`)
	mdFenceRun = regexp.MustCompile("^(`{3,}|~{3,})")
)

// mdBlocks splits Markdown text into blocks. It knows the common syntax
// only — headings, paragraphs, lists, quotes, code fences, rules — which is
// what articles use; the rest stays text.
func mdBlocks(text string) []mdBlock {
	var blocks []mdBlock
	cur := -1   // the paragraph or item that a line would continue
	fence := "" // the marker of an open code fence
	for _, line := range strings.Split(text, "\n") {
		if fence != "" {
			if t := strings.TrimSpace(line); strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
				continue
			}
			b := &blocks[len(blocks)-1]
			b.lines = append(b.lines, strings.TrimRight(line, " \t"))
			continue
		}
		trimmed := strings.TrimLeft(line, " \t")
		if strings.TrimSpace(trimmed) == "" {
			cur = -1
			continue
		}
		if indent(line) < 4 {
			// Each regexp is tried only where its first character is.
			switch c := trimmed[0]; c {
			case '`', '~':
				if m := mdFenceRun.FindString(trimmed); m != "" && !(m[0] == '`' && strings.Contains(trimmed[len(m):], "`")) {
					fence = m
					blocks = append(blocks, mdBlock{kind: mdCode})
					cur = -1
					continue
				}
			case '#':
				if m := mdATX.FindStringSubmatch(strings.TrimRight(trimmed, " \t")); m != nil {
					blocks = append(blocks, mdBlock{kind: mdHeading, level: len(m[1]), lines: []string{m[2]}})
					cur = -1
					continue
				}
			}
			c := trimmed[0]
			if cur >= 0 && blocks[cur].kind == mdPara && (c == '=' || c == '-') {
				if mdSetext1.MatchString(trimmed) || mdSetext2.MatchString(trimmed) {
					b := &blocks[cur]
					b.kind, b.level = mdHeading, 1
					if trimmed[0] == '-' {
						b.level = 2
					}
					cur = -1
					continue
				}
			}
			if (c == '*' || c == '-' || c == '_') && mdBreak.MatchString(strings.TrimRight(trimmed, " \t")) {
				cur = -1
				continue
			}
			if cur < 0 && c == '[' && mdRefDef.MatchString(trimmed) {
				continue // [1]: https://… gives a link its address
			}
			if strings.HasPrefix(trimmed, ">") {
				for strings.HasPrefix(trimmed, ">") {
					trimmed = strings.TrimLeft(trimmed[1:], " \t")
				}
				if strings.TrimSpace(trimmed) == "" {
					cur = -1
					continue
				}
			}
			switch c := trimmed[0]; {
			case c == '-' || c == '*' || c == '+':
				if m := mdBullet.FindString(trimmed); m != "" {
					blocks = append(blocks, mdBlock{kind: mdItem, marker: "- ", lines: []string{trimmed[len(m):]}})
					cur = len(blocks) - 1
					continue
				}
			case c >= '0' && c <= '9':
				if m := mdOrdered.FindString(trimmed); m != "" {
					blocks = append(blocks, mdBlock{kind: mdItem, marker: strings.TrimRight(m, " \t") + " ", lines: []string{trimmed[len(m):]}})
					cur = len(blocks) - 1
					continue
				}
			}
		}
		if cur >= 0 {
			blocks[cur].lines = append(blocks[cur].lines, trimmed)
			continue
		}
		blocks = append(blocks, mdBlock{kind: mdPara, lines: []string{trimmed}})
		cur = len(blocks) - 1
	}
	return blocks
}

// indent returns the width of the indentation of line, a tab counting 4.
func indent(line string) int {
	n := 0
	for _, c := range line {
		switch c {
		case ' ':
			n++
		case '\t':
			n += 4 - n%4
		default:
			return n
		}
	}
	return n
}

// render returns the text of b, without its list marker.
func (b mdBlock) render() string {
	if b.kind == mdCode {
		return strings.Trim(strings.Join(b.lines, "\n"), "\n")
	}
	var s strings.Builder
	for i, line := range b.lines {
		hard := strings.HasSuffix(line, "  ")
		line = strings.TrimRight(line, " \t")
		if strings.HasSuffix(line, "\\") && !strings.HasSuffix(line, "\\\\") {
			hard = true
			line = line[:len(line)-1]
		}
		s.WriteString(line)
		if i < len(b.lines)-1 {
			if hard {
				s.WriteByte('\n')
			} else {
				s.WriteByte(' ') // hard-wrapped source lines make one paragraph
			}
		}
	}
	return strings.TrimSpace(mdInline(s.String(), 0))
}

// mdRender renders blocks as plain text: a blank line between blocks, one
// line break between the items of a list.
func mdRender(blocks []mdBlock) string {
	var s strings.Builder
	prev, prevMarker := mdKind(255), ""
	for _, b := range blocks {
		text := b.render()
		if text == "" {
			continue // an image alone, an empty item
		}
		if s.Len() > 0 {
			if b.kind == mdItem && prev == mdItem && (b.marker == "- ") == (prevMarker == "- ") {
				s.WriteByte('\n')
			} else {
				s.WriteString("\n\n")
			}
		}
		s.WriteString(b.marker)
		s.WriteString(text)
		prev, prevMarker = b.kind, b.marker
	}
	return s.String()
}

// mdTitle finds the title of a Markdown text without front matter title:
// a level-1 heading among its first three blocks — a kicker or a byline may
// come before it — else its first non-empty line. It returns the blocks
// without the title.
func mdTitle(blocks []mdBlock) (string, []mdBlock) {
	for i := 0; i < len(blocks) && i < 3; i++ {
		if b := blocks[i]; b.kind == mdHeading && b.level == 1 {
			if t := oneLine(b.render()); t != "" {
				return t, append(blocks[:i:i], blocks[i+1:]...)
			}
		}
	}
	for i, b := range blocks {
		if b.kind == mdHeading {
			if t := oneLine(b.render()); t != "" {
				return t, append(blocks[:i:i], blocks[i+1:]...)
			}
			continue
		}
		for j, line := range b.lines {
			one := mdBlock{kind: b.kind, lines: []string{line}}
			t := oneLine(one.render())
			if t == "" {
				continue
			}
			rest := b
			rest.lines = b.lines[j+1:]
			out := append(blocks[:i:i], rest)
			return t, append(out, blocks[i+1:]...)
		}
	}
	return "", blocks
}

const (
	mdMaxDepth   = 4  // nesting of links whose text is read as Markdown
	mdMaxOpeners = 16 // emphasis openers looked through for a closer's pair
)

// mdInline strips the inline syntax of Markdown from s: emphasis markers
// around words, code backticks, link syntax (its text stays), images (all
// of them), autolinks' brackets, HTML comments and backslash escapes. What
// is not syntax stays as written: « 2 * 3 », snake_case, « [sic] ».
func mdInline(s string, depth int) string {
	if !strings.ContainsAny(s, "\\`*_[!<") {
		return s // most sentences
	}
	// Links are looked for ahead of each [, up to a few thousand bytes;
	// a paragraph of unclosed brackets gets a budget of a few times its
	// size, then its brackets are text.
	budget := 4*len(s) + 1<<16
	type piece struct {
		text        string
		delim       byte // '*' or '_' for a run of emphasis markers
		open, close bool
		drop        bool
	}
	var ps []piece
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			ps = append(ps, piece{text: text.String()})
			text.Reset()
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte(asciiPunct, s[i+1]) >= 0:
			text.WriteByte(s[i+1])
			i += 2
			continue
		case c == '`':
			n := runLen(s, i, '`')
			if j := closingRun(s, i+n, '`', n); j >= 0 {
				text.WriteString(strings.TrimSpace(s[i+n : j]))
				i = j + n
				continue
			}
			text.WriteString(s[i : i+n])
			i += n
			continue
		case c == '!' && i+1 < len(s) && s[i+1] == '[' && budget > 0:
			if end, _, ok := mdLink(s, i+1, &budget); ok {
				i = end
				continue
			}
		case c == '[' && depth < mdMaxDepth && budget > 0:
			if end, label, ok := mdLink(s, i, &budget); ok {
				text.WriteString(mdInline(label, depth+1))
				i = end
				continue
			}
		case c == '<':
			if strings.HasPrefix(s[i:], "<!--") {
				if j := strings.Index(s[i+4:], "-->"); j >= 0 {
					i += 4 + j + 3
					continue
				}
			}
			if end, url, ok := autolink(s, i); ok {
				text.WriteString(url)
				i = end
				continue
			}
		case c == '*' || c == '_':
			n := runLen(s, i, c)
			prev, next := ' ', ' '
			if i > 0 {
				prev, _ = utf8.DecodeLastRuneInString(s[:i])
			}
			if i+n < len(s) {
				next, _ = utf8.DecodeRuneInString(s[i+n:])
			}
			open, close := !unicode.IsSpace(next), !unicode.IsSpace(prev)
			if c == '_' { // snake_case is no emphasis
				open = open && !isAlnum(prev)
				close = close && !isAlnum(next)
			}
			flush()
			ps = append(ps, piece{text: s[i : i+n], delim: c, open: open, close: close})
			i += n
			continue
		}
		text.WriteByte(c)
		i++
	}
	flush()

	// Pair closers with the nearest opener of the same run; unpaired runs
	// stay as text.
	var openers []int
	for k := range ps {
		p := &ps[k]
		if p.delim == 0 {
			continue
		}
		if p.close {
			// Look a few openers down only: a long paragraph of unpaired
			// markers must not cost a scan of them all for each closer.
			for m := len(openers) - 1; m >= 0 && m >= len(openers)-mdMaxOpeners; m-- {
				if o := &ps[openers[m]]; o.text == p.text {
					o.drop, p.drop = true, true
					openers = openers[:m]
					break
				}
			}
			if p.drop {
				continue
			}
		}
		if p.open {
			openers = append(openers, k)
		}
	}
	var out strings.Builder
	for _, p := range ps {
		if !p.drop {
			out.WriteString(p.text)
		}
	}
	return out.String()
}

const asciiPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

func isAlnum(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }

// runLen returns the length of the run of c at s[i:].
func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// closingRun returns where a run of exactly n c's starts in s from i, or -1.
func closingRun(s string, i int, c byte, n int) int {
	for i < len(s) {
		j := strings.IndexByte(s[i:], c)
		if j < 0 {
			return -1
		}
		j += i
		if m := runLen(s, j, c); m == n {
			return j
		} else {
			i = j + m
		}
	}
	return -1
}

// How far a link's text and address are looked for: an unclosed [ in a
// long paragraph must not cost a scan to its end each time.
const (
	mdMaxLabel = 1000
	mdMaxDest  = 2000
)

// mdLink reads a link at s[i] == '[': [text](address "title") or
// [text][ref]. It returns the end of the link and its text.
func mdLink(s string, i int, budget *int) (end int, label string, ok bool) {
	j := matching(s, i, '[', ']', mdMaxLabel, budget)
	if j < 0 || j+1 >= len(s) {
		return 0, "", false
	}
	switch s[j+1] {
	case '(':
		k := matching(s, j+1, '(', ')', mdMaxDest, budget)
		if k < 0 {
			return 0, "", false
		}
		return k + 1, s[i+1 : j], true
	case '[':
		k := matching(s, j+1, '[', ']', mdMaxLabel, budget)
		if k < 0 {
			return 0, "", false
		}
		return k + 1, s[i+1 : j], true
	}
	return 0, "", false
}

// matching returns the index of the bracket that closes s[i] == open,
// within max bytes, skipping escaped ones, or -1. It takes the bytes it
// reads from budget.
func matching(s string, i int, open, close byte, max int, budget *int) int {
	depth := 0
	for j := i; j < len(s) && j-i <= max; j++ {
		*budget--
		switch s[j] {
		case '\\':
			j++
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// autolink reads <https://…> or <mailto:…> at s[i] == '<', and returns its
// end and address.
func autolink(s string, i int) (end int, url string, ok bool) {
	rest := s[i+1:]
	if !(strings.HasPrefix(rest, "http://") || strings.HasPrefix(rest, "https://") || strings.HasPrefix(rest, "mailto:")) {
		return 0, "", false
	}
	j := strings.IndexAny(rest, "> \t\n<")
	if j < 0 || j > mdMaxDest || rest[j] != '>' {
		return 0, "", false
	}
	return i + 1 + j + 1, strings.TrimPrefix(rest[:j], "mailto:"), true
}

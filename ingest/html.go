package ingest

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	// go-readability is a port of Mozilla's Readability.js. Its maintained
	// successor, codeberg.org/readeck/go-readability/v2, cannot be reached
	// from where this is built; move to it when it can.
	readability "github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/dossier-search/dossier-search/dates"
)

// readHTML reads the article of a web page.
func (r *reader) readHTML(data []byte) {
	text, ok := r.decodeHTML(data)
	if !ok {
		return
	}
	// Both the HTML parser and Readability take time that grows with the
	// size of the page times its depth: a page of 50,000 nested <div>
	// takes minutes. Articles are a few dozen levels deep.
	if tooDeep(text) {
		r.warn("", "HTML nested over %d levels deep, skipped", maxHTMLDepth)
		return
	}
	// Parse the page ourselves: readability.FromReader guesses the
	// charset again and takes UTF-8 without <meta charset> for
	// Windows-1252 (« être » became « Ãªtre »).
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		r.warn("", "bad HTML: %s, skipped", err)
		return
	}
	page := scanPage(doc)
	pruneAds(doc)
	art, err := parseArticle(doc, page.url)
	if err != nil {
		r.warn("", "%s, skipped", err)
		return
	}

	var a article
	if art.Node != nil {
		n := art.Node
		if n.Parent != nil {
			n = n.Parent // the article, should Readability give it in several parts
		}
		a.body = dropAdLabels(htmlText(n))
	}
	a.title = page.headline(art)
	// Readability drops a heading that repeats the title, but not always.
	if t := oneLine(a.title); t != "" {
		if first, rest, _ := strings.Cut(a.body, "\n\n"); strings.EqualFold(oneLine(first), t) {
			a.body = rest
		}
	}
	a.source = art.SiteName
	if page.url != nil {
		a.url = page.url.String()
	}
	// The page's own date first, at the precision it gives ("2023-04"
	// stays a month) and on the day where it was written; else what
	// Readability reads, JSON-LD included; else a warning.
	if d, ok := parseDate(page.published); ok {
		a.published = d
	} else if art.PublishedTime != nil {
		a.published = dates.Of(*art.PublishedTime)
	} else {
		a.date = page.published
	}
	byline := oneLine(art.Byline)
	if byline == "" {
		// Readability knows bylines by their class ("author", "byline");
		// French pages often have a bare « Par Jeanne Dupont » paragraph.
		if first, rest, _ := strings.Cut(a.body, "\n\n"); rest != "" && htmlByline.MatchString(first) {
			byline, a.body = first, rest
		}
	}
	if byline = oneLine(htmlBylinePrefix.ReplaceAllString(byline, "")); byline != "" {
		a.meta = map[string]string{"author": byline}
	}
	if lang := oneLine(page.lang); lang != "" {
		if a.meta == nil {
			a.meta = map[string]string{}
		}
		a.meta["lang"] = lang
	}
	r.add(a, "", "", r.name)
}

var (
	htmlByline       = regexp.MustCompile(`^(?:[Pp]ar|[Bb]y) \p{Lu}[^\n.!?]{1,80}$`)
	htmlBylinePrefix = regexp.MustCompile(`^(?:[Pp]ar|[Bb]y)\s+`)
)

// adTokens are the words of class names and ids that mark advertising,
// in English and French (« pub », « publicité »).
var adTokens = map[string]bool{
	"ad": true, "ads": true, "advert": true, "adverts": true, "advertisement": true,
	"advertising": true, "pub": true, "pubs": true, "publicite": true, "publicité": true,
	"sponsor": true, "sponsored": true, "sponso": true, "dfp": true, "outbrain": true,
	"taboola": true,
}

// adLabels are paragraphs that only announce an advertisement.
var adLabels = map[string]bool{
	"publicité": true, "publicite": true, "pub": true, "annonce": true,
	"advertisement": true, "advertising": true, "ad": true, "sponsored": true,
	"contenu sponsorisé": true,
}

// pruneAds removes the small elements that a class name or id marks as
// advertising, which Readability keeps when French names them (« pub »).
// Large ones are kept: a mistaken class must not cost an article.
func pruneAds(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && isAd(c) && utf8.RuneCountInString(strings.TrimSpace(textOf(c))) < 200 {
			n.RemoveChild(c)
		} else {
			pruneAds(c)
		}
		c = next
	}
}

func isAd(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false
	}
	for _, key := range []string{"class", "id"} {
		for _, word := range strings.FieldsFunc(strings.ToLower(attr(n, key)), func(c rune) bool {
			return c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n'
		}) {
			if adTokens[word] {
				return true
			}
		}
	}
	return false
}

// dropAdLabels removes the paragraphs of text that only say
// « Publicité ».
func dropAdLabels(text string) string {
	paras := strings.Split(text, "\n\n")
	out := paras[:0]
	for _, p := range paras {
		if !adLabels[strings.ToLower(strings.TrimSpace(p))] {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// maxHTMLDepth bounds the nesting of the pages read.
const maxHTMLDepth = 256

// tooDeep reports whether the elements of page nest deeper than
// maxHTMLDepth, counted by a tokenizer, which is fast whatever the depth.
// Elements whose end tag may be left out (p, li, td…) are not counted:
// unclosed, they do not nest.
func tooDeep(page string) bool {
	z := html.NewTokenizer(strings.NewReader(page))
	depth := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.StartTagToken:
			name, _ := z.TagName()
			if a := atom.Lookup(name); !void[a] && !optionalEnd[a] {
				if depth++; depth > maxHTMLDepth {
					return true
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if a := atom.Lookup(name); !void[a] && !optionalEnd[a] && depth > 0 {
				depth--
			}
		}
	}
}

var void = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true, atom.Param: true, atom.Keygen: true,
}

var optionalEnd = map[atom.Atom]bool{
	atom.Html: true, atom.Head: true, atom.Body: true, atom.P: true, atom.Li: true,
	atom.Dt: true, atom.Dd: true, atom.Option: true, atom.Optgroup: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
	atom.Rb: true, atom.Rt: true, atom.Rp: true, atom.Colgroup: true, atom.Caption: true,
}

// parseArticle runs Readability, turning a panic on a page it cannot
// handle into an error: one bad page must not stop the indexing of a
// dossier.
func parseArticle(doc *html.Node, u *url.URL) (art readability.Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("readability failed: %v", p)
		}
	}()
	art, err = readability.FromDocument(doc, u)
	if err != nil {
		err = fmt.Errorf("readability failed: %v", err)
	}
	return art, err
}

// decodeHTML returns the page as UTF-8. Bytes that are valid UTF-8 are
// taken as such, whatever the page declares; else the charset is the
// page's BOM or <meta charset>, else Windows-1252, as browsers do.
func (r *reader) decodeHTML(data []byte) (string, bool) {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if utf8.Valid(data) {
		return string(data), true
	}
	enc, name, _ := charset.DetermineEncoding(data, "text/html")
	if name == "utf-8" {
		r.warn("", "invalid UTF-8, repaired with U+FFFD")
		return strings.ToValidUTF8(string(data), "\uFFFD"), true
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		r.warn("", "cannot decode %s: %s, skipped", name, err)
		return "", false
	}
	// The UTF-16 decoder keeps the BOM, which would be text before <html>.
	return strings.TrimPrefix(strings.ToValidUTF8(string(out), "\uFFFD"), "\uFEFF"), true
}

// page is what readHTML reads from the page itself, besides Readability.
type page struct {
	lang      string   // <html lang>
	url       *url.URL // og:url, else <link rel=canonical>; absolute only
	ogTitle   string   // og:title and its kin, which Readability prefers
	title     string   // <title>
	articleH1 string   // the first <h1> in an <article>
	h1        string   // the page's <h1>, if it has one only
	published string   // article:published_time, else <time datetime>
}

// scanPage reads the metadata of a page.
func scanPage(doc *html.Node) page {
	var p page
	var ogURL, canonical, metaDate, timeDate, articleH1 string
	var h1s []string
	var walk func(n *html.Node, inArticle bool)
	walk = func(n *html.Node, inArticle bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if p.lang == "" {
					p.lang = attr(n, "lang")
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				content := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:url":
					ogURL = content
				case "og:title", "dc:title", "twitter:title":
					if p.ogTitle == "" {
						p.ogTitle = content
					}
				case "article:published_time", "datepublished", "date", "dc.date", "dcterms.date":
					if metaDate == "" {
						metaDate = content
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Time:
				if timeDate == "" {
					timeDate = strings.TrimSpace(attr(n, "datetime"))
				}
			case atom.Title:
				if p.title == "" {
					p.title = oneLine(textOf(n))
				}
			case atom.Article:
				inArticle = true
			case atom.H1:
				t := oneLine(textOf(n))
				h1s = append(h1s, t)
				if inArticle && articleH1 == "" {
					articleH1 = t
				}
			case atom.Script, atom.Style, atom.Template:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inArticle)
		}
	}
	walk(doc, false)
	for _, s := range []string{ogURL, canonical} {
		if u, err := url.Parse(s); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			p.url = u
			break
		}
	}
	p.articleH1 = articleH1
	if len(h1s) == 1 {
		p.h1 = h1s[0]
	}
	p.published = metaDate
	if p.published == "" {
		p.published = timeDate
	}
	return p
}

// headline returns the article's title: the page's metadata title, else
// the <h1> of its <article>, else its only <h1> if it makes most of the
// <title> (an <h1> alone may be the site's logo), else what Readability makes of
// the <title>; without a trailing « | Site » that names the site.
func (p page) headline(art readability.Article) string {
	t := oneLine(p.ogTitle)
	if t == "" {
		t = p.articleH1
	}
	if t == "" && p.h1 != "" && 2*len(p.h1) >= len(p.title) && strings.Contains(strings.ToLower(p.title), strings.ToLower(p.h1)) {
		t = p.h1
	}
	if t == "" {
		t = oneLine(art.Title)
	}
	site := oneLine(art.SiteName)
	if site == "" {
		return t
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " · ", " : "} {
		if n := len(t) - len(sep) - len(site); n > 0 && strings.EqualFold(t[n:], sep+site) {
			return strings.TrimSpace(t[:n])
		}
	}
	return t
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// textOf returns the text of n, scripts and styles left out.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipped[n.DataAtom] {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// skipped are the elements whose content is no text to read.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Canvas: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
}

// blocks are the elements that stand apart from the text around them.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Caption: true,
	atom.Section: true, atom.Article: true, atom.Aside: true, atom.Header: true,
	atom.Footer: true, atom.Nav: true, atom.Main: true, atom.Figure: true,
	atom.Figcaption: true, atom.Hr: true, atom.Address: true, atom.Details: true,
	atom.Summary: true, atom.Form: true, atom.Fieldset: true, atom.Center: true,
}

// htmlText renders the text of n: a blank line between blocks, a line
// break for <br>, whitespace collapsed within blocks but kept in <pre>.
// Readability's TextContent glues blocks together ("Titre de
// l'articlePremier paragraphe"), which would merge words in the index.
func htmlText(n *html.Node) string {
	t := textWriter{}
	t.node(n, false)
	return t.b.String()
}

type textWriter struct {
	b     strings.Builder
	brk   int  // line breaks owed before the next text: 0, 1 or 2
	space bool // a space owed before the next text
}

func (t *textWriter) node(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		t.text(n.Data, pre)
		return
	case html.ElementNode:
		if skipped[n.DataAtom] {
			return
		}
		switch {
		case n.DataAtom == atom.Br:
			t.breaks(1)
			return
		case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
			t.space = t.b.Len() > 0
		case blocks[n.DataAtom]:
			t.breaks(2)
			defer t.breaks(2)
		}
		if n.DataAtom == atom.Pre {
			pre = true
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t.node(c, pre)
	}
}

func (t *textWriter) breaks(n int) {
	t.brk = max(t.brk, n)
	t.space = false
}

func (t *textWriter) text(s string, pre bool) {
	for _, c := range s {
		switch {
		case pre && c == '\n':
			t.brk, t.space = min(t.brk+1, 2), false
			continue
		case isSpace(c) && !pre:
			t.space = t.b.Len() > 0
			continue
		}
		if t.b.Len() > 0 {
			switch {
			case t.brk == 2:
				t.b.WriteString("\n\n")
			case t.brk == 1:
				t.b.WriteByte('\n')
			case t.space:
				t.b.WriteByte(' ')
			}
		}
		t.brk, t.space = 0, false
		t.b.WriteRune(c)
	}
}
